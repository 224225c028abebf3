package dev.beamdepmod.jobs.matrix;

import dev.beamdepmod.config.ConfigFile;
import dev.beamdepmod.jobs.depmod.LocalOutputDirectory;
import dev.beamdepmod.jobs.local.ConfigFiles;
import dev.beamdepmod.jobs.local.LocalFs;
import dev.beamdepmod.pipeline.Depmod;
import dev.beamdepmod.pipeline.DepmodJob;
import dev.beamdepmod.resolve.DepmodSettings;
import dev.beamdepmod.schema.KernelReport;
import dev.beamdepmod.transforms.CacheOptions;
import dev.beamdepmod.transforms.KernelTemplate;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The matrix pipeline over a set of inputs, shared by the matrix job and by the jobs that resolve
 * kernels on the way (diff): finds the kernels, prepares a local output root, runs the pipeline.
 * Messages about the inputs and the output root go to {@code err} as they arise; the summary is the
 * caller's.
 */
public final class MatrixRun {
  /** What the pipeline reported per kernel and input, and what went wrong before it (driver errors). */
  public record Result(List<KernelReport> reports, MatrixSummary summary) {}

  private MatrixRun() {}

  /** @return the result, or null when the run could not start or the pipeline failed (already reported) */
  public static Result run(String cwd, List<String> inputs, List<String> configs, String output, String avro,
      int verbose, boolean progress, PipelineOptions options, PrintStream err) {
    LocalFs fs = new LocalFs(cwd);
    List<ConfigFile> configFiles =
        ConfigFiles.load(fs, configs, m -> { if (m.shownAt(verbose)) err.println(m.line()); });
    KernelTemplate template = new KernelTemplate(
        output, new DepmodSettings((char) 0, verbose, false, null, false, false), configFiles);
    MatrixInputs found = new MatrixInputs(template, cwd);
    try {
      for (String input : inputs) found.add(input);
    } catch (IOException e) {
      err.println("beam-depmod: ERROR: " + e.getMessage());
      return null;
    }
    err.printf("beam-depmod: %d kernels in trees (%d modules), %d packages%n",
        found.kernels.size(), found.walkedModules, found.packages.size());
    // A local output root is created, locked and cleared around the pipeline; object stores need none of that.
    FileSystems.setDefaultPipelineOptions(options);
    Path local = LocalOutputDirectory.localPath(output);
    try (LocalOutputDirectory root =
        local == null ? null : LocalOutputDirectory.prepareRoot(local, output, m -> err.println(m.line()))) {
      if (root != null && root.failure() != null) {
        err.println(root.failure().line());
        return null;
      }
      List<KernelReport> reports;
      DepmodJob.Progress[] last = {null};
      try {
        reports = DepmodJob.run(
            options,
            Depmod.builder().trees(found.kernels, found.files).packages(template, found.packages).avroRecords(avro).build(),
            p -> {
              last[0] = p;
              if (progress) {
                err.printf("progress: %d modules read (%d from trees, %d from the cache), %d/%d packages, %d kernels written%n",
                    p.modulesRead(), found.walkedModules, p.modulesFromCache(), p.packagesRead(), found.packages.size(),
                    p.kernelsWritten());
              }
            });
      } catch (IOException | RuntimeException e) {
        err.println("beam-depmod: ERROR: the matrix pipeline failed: " + e);
        return null;
      }
      String cache = CacheOptions.location(options);
      MatrixSummary.Cache used = cache == null ? null : new MatrixSummary.Cache(cache, last[0].modulesFromCache(), last[0].modulesRead());
      return new Result(reports, new MatrixSummary(reports, found.errors, used));
    }
  }
}
