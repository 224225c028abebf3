package dev.beamdepmod.jobs.matrix;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.beamdepmod.jobs.cli.Subcommand;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code beam-depmod matrix --input PATH... --output DIR [--config DIR] [--avro DIR]}: depmod for
 * many kernels, architectures and packages in one pipeline.
 */
@Command(
    name = "beam-depmod matrix",
    sortOptions = false,
    customSynopsis = "beam-depmod matrix --input <tree|package|glob>... --output <dir> [--config <depmod.d dir>...]"
        + " [--avro <dir>] [--progress] [-v]",
    description = "Writes <dir>/<version>/modules.* for every kernel found, and <dir>/matrix-summary.{json,txt}.",
    footer = "Beam pipeline options (--runner=..., --targetParallelism=...) may be given too.")
public final class MatrixCommand extends Subcommand {
  @Option(names = "--input", arity = "1..*", required = true, paramLabel = "<tree|package|glob>",
      description = "kernel trees, directories of packages, packages (.deb, .rpm, tarballs), globs")
  private List<String> inputs;

  @Option(names = "--output", required = true, paramLabel = "<dir>", description = "where the kernels' files go")
  private String output;

  @Option(names = "--config", arity = "1..*", paramLabel = "<depmod.d dir>",
      description = "depmod.d directories, applied per kernel version")
  private List<String> configs = new ArrayList<>();

  @Option(names = "--avro", paramLabel = "<dir>", description = "also write the module and symbol records")
  private String avro;

  @Option(names = "--progress", description = "progress lines (the default on a terminal)")
  private boolean progress = System.console() != null;

  @Option(names = {"-v", "--verbose"}, description = "depmod's verbose messages (repeat for more)")
  private boolean[] verbose = new boolean[0];

  public MatrixCommand(String cwd, PipelineOptions options, PrintStream out, PrintStream err) {
    super(cwd, options, out, err);
  }

  @Override
  public Integer call() {
    MatrixRun.Result result =
        MatrixRun.run(cwd, inputs, configs, output, avro, verbose.length, progress, options, err);
    if (result == null) return 1;
    String text = result.summary().text();
    out.print(text);
    try {
      write(output, "matrix-summary.json", result.summary().json());
      write(output, "matrix-summary.txt", text);
    } catch (IOException e) {
      err.println("beam-depmod: ERROR: could not write the summary into " + output + ": " + e.getMessage());
      return 1;
    }
    return result.summary().failed() ? 1 : 0;
  }

  private static void write(String dir, String name, String content) throws IOException {
    ResourceId file = FileSystems.matchNewResource(dir, true).resolve(name, StandardResolveOptions.RESOLVE_FILE);
    try (OutputStream os = Channels.newOutputStream(FileSystems.create(file, "text/plain"))) {
      os.write(content.getBytes(UTF_8));
    }
  }
}
