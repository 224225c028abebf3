package dev.beamdepmod.jobs.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptions;
import picocli.CommandLine.Option;

/** What every subcommand gets: the caller's directory, the Beam options, its two streams, and -h. */
public abstract class Subcommand implements Callable<Integer> {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "this text")
  private boolean help;

  protected final String cwd;
  protected final PipelineOptions options;
  protected final PrintStream out;
  protected final PrintStream err;

  protected Subcommand(String cwd, PipelineOptions options, PrintStream out, PrintStream err) {
    this.cwd = cwd;
    this.options = options;
    this.out = out;
    this.err = err;
  }

  /** Writes one report file into dir (any Beam file system). */
  protected static void writeFile(String dir, String name, byte[] content) throws IOException {
    ResourceId file = FileSystems.matchNewResource(dir, true).resolve(name, StandardResolveOptions.RESOLVE_FILE);
    try (OutputStream os = Channels.newOutputStream(FileSystems.create(file, "application/octet-stream"))) {
      os.write(content);
    }
  }

  /** Removes a local scratch directory and everything in it. */
  protected static void removeTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
