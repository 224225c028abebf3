package dev.beamdepmod.jobs.matrix;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.beamdepmod.config.ConfigFile;
import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.jobs.depmod.ConfigFiles;
import dev.beamdepmod.jobs.depmod.LocalFs;
import dev.beamdepmod.jobs.depmod.LocalOutputDirectory;
import dev.beamdepmod.pipeline.DepmodJob;
import dev.beamdepmod.pipeline.RunMatrix;
import dev.beamdepmod.resolve.DepmodSettings;
import dev.beamdepmod.schema.KernelReport;
import dev.beamdepmod.transforms.KernelTemplate;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * {@code beam-depmod matrix --input PATH... --output DIR [--config DIR] [--avro DIR]}: depmod for
 * many kernels, architectures and packages in one pipeline.
 */
public final class MatrixCommand {
  static final String USAGE =
      "Usage: beam-depmod matrix --input <tree|package|glob>... --output <dir> [--config <depmod.d dir>]\n"
          + "                          [--avro <dir>] [--progress] [-v] [--beamOption=value...]\n"
          + "Writes <dir>/<version>/modules.* for every kernel found, and <dir>/matrix-summary.{json,txt}.\n";

  private final String cwd;

  public MatrixCommand(String cwd) {
    this.cwd = cwd;
  }

  /** @param args the arguments after "matrix", Beam options already taken out */
  public int run(List<String> args, PipelineOptions options, PrintStream out, PrintStream err) {
    List<String> inputs = new ArrayList<>();
    List<String> configs = new ArrayList<>();
    String output = null;
    String avro = null;
    int verbose = 0;
    // progress lines vary from run to run: on a terminal, or when asked for
    boolean progress = System.console() != null;
    String current = null;
    for (String a : args) {
      switch (a) {
        case "--input", "--config" -> current = a;
        case "--output", "--avro" -> current = a;
        case "-v", "--verbose" -> verbose++;
        case "--progress" -> progress = true;
        case "-h", "--help" -> {
          out.print(USAGE);
          return 0;
        }
        default -> {
          if (current == null || a.startsWith("--")) return usage(err, "unexpected argument " + a);
          switch (current) {
            case "--input" -> inputs.add(a);
            case "--config" -> configs.add(a);
            case "--output" -> { output = a; current = null; }
            default -> { avro = a; current = null; }
          }
        }
      }
    }
    if (inputs.isEmpty() || output == null) return usage(err, "--input and --output are required");

    LocalFs fs = new LocalFs(cwd);
    List<String> errors = new ArrayList<>();
    int v = verbose;
    List<ConfigFile> configFiles =
        ConfigFiles.load(fs, configs, m -> { if (m.shownAt(v)) err.println(m.line()); });
    KernelTemplate template = new KernelTemplate(
        output, new DepmodSettings((char) 0, verbose, false, null, false, false), configFiles);
    MatrixInputs found = new MatrixInputs(template, cwd);
    try {
      for (String input : inputs) found.add(input);
    } catch (IOException e) {
      err.println("beam-depmod: ERROR: " + e.getMessage());
      return 1;
    }
    errors.addAll(found.errors);
    err.printf("beam-depmod: %d kernels in trees (%d modules), %d packages%n",
        found.kernels.size(), found.walkedModules, found.packages.size());
    // A local output root is created, locked and cleared around the pipeline; object stores need none of that.
    FileSystems.setDefaultPipelineOptions(options);
    Path local = LocalOutputDirectory.localPath(output);
    try (LocalOutputDirectory root = local == null ? null : LocalOutputDirectory.prepareRoot(local, output)) {
      if (root != null) {
        root.warnings().forEach(err::println);
        if (root.failure() != null) {
          err.println(root.failure());
          return 1;
        }
      }
      List<KernelReport> reports;
      try {
        reports = DepmodJob.run(
            options,
            new RunMatrix(template, found.kernels, found.files, found.packages, avro),
            !progress ? null : p -> err.printf("progress: %d modules read (%d from trees), %d/%d packages, %d kernels written%n",
                p.modulesRead(), found.walkedModules, p.packagesRead(), found.packages.size(), p.kernelsWritten()));
      } catch (IOException | RuntimeException e) {
        err.println("beam-depmod: ERROR: the matrix pipeline failed: " + e);
        return 1;
      }
      MatrixSummary summary = new MatrixSummary(reports, errors);
      String text = summary.text();
      out.print(text);
      try {
        write(output, "matrix-summary.json", summary.json());
        write(output, "matrix-summary.txt", text);
      } catch (IOException e) {
        err.println("beam-depmod: ERROR: could not write the summary into " + output + ": " + e.getMessage());
        return 1;
      }
      return summary.failed() ? 1 : 0;
    }
  }

  private static int usage(PrintStream err, String problem) {
    err.println("beam-depmod matrix: " + problem);
    err.print(USAGE);
    return 2;
  }

  private static void write(String dir, String name, String content) throws IOException {
    ResourceId file = FileSystems.matchNewResource(dir, true).resolve(name, StandardResolveOptions.RESOLVE_FILE);
    try (OutputStream os = Channels.newOutputStream(FileSystems.create(file, "text/plain"))) {
      os.write(content.getBytes(UTF_8));
    }
  }
}
