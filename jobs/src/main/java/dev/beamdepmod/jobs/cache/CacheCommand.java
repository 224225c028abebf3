package dev.beamdepmod.jobs.cache;

import dev.beamdepmod.cache.EntryFormat;
import dev.beamdepmod.jobs.cli.Subcommand;
import dev.beamdepmod.transforms.CacheOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code beam-depmod cache stats|clear [--cache=DIR]}: the module cache's entries (docs/cache.md). */
@Command(
    name = "beam-depmod cache",
    sortOptions = false,
    customSynopsis = "beam-depmod cache stats|clear [--cache=<dir>]",
    description = "stats: entries and bytes of the module cache; clear: removes every entry.",
    footer = "The cache is matrix's, diff's and check's default unless --cache=<dir> names another.")
public final class CacheCommand extends Subcommand {
  @Parameters(index = "0", paramLabel = "stats|clear", description = "what to do")
  private Action action;

  enum Action { stats, clear }

  public CacheCommand(String cwd, PipelineOptions options, PrintStream out, PrintStream err) {
    super(cwd, options, out, err);
  }

  @Override
  public Integer call() {
    String location = CacheOptions.location(options);
    if (location == null) {
      err.println("beam-depmod: ERROR: no module cache (--cache=none)");
      return 1;
    }
    FileSystems.setDefaultPipelineOptions(options);
    try {
      List<MatchResult.Metadata> files = FileSystems.match(
          FileSystems.matchNewResource(location, true).resolve("modules-v*", StandardResolveOptions.RESOLVE_DIRECTORY)
              .resolve("*", StandardResolveOptions.RESOLVE_DIRECTORY).resolve("*", StandardResolveOptions.RESOLVE_FILE)
              .toString(),
          EmptyMatchTreatment.ALLOW).metadata();
      long bytes = files.stream().mapToLong(MatchResult.Metadata::sizeBytes).sum();
      if (action == Action.clear) {
        FileSystems.delete(files.stream().map(MatchResult.Metadata::resourceId).toList(),
            StandardMoveOptions.IGNORE_MISSING_FILES);
        out.printf("%s: %d entries removed (%d bytes)%n", location, files.size(), bytes);
        return 0;
      }
      String current = "/modules-v" + EntryFormat.VERSION + "/";
      long usable = files.stream().filter(m -> m.resourceId().toString().contains(current)).count();
      out.printf("%s: %d entries, %d bytes; %d of this version (format %d)%n",
          location, files.size(), bytes, usable, EntryFormat.VERSION);
      return 0;
    } catch (IOException e) {
      err.println("beam-depmod: ERROR: cannot read the module cache " + location + ": " + e.getMessage());
      return 1;
    }
  }
}
