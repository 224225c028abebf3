package dev.beamdepmod.pipeline;

import dev.beamdepmod.schema.KernelReport;
import dev.beamdepmod.schema.ModuleFile;
import dev.beamdepmod.transforms.KernelSpec;
import dev.beamdepmod.transforms.ReadModules;
import dev.beamdepmod.transforms.ReadPackages;
import dev.beamdepmod.transforms.WriteKernelOutputs;
import dev.beamdepmod.transforms.WriteKernelReports;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;

/** Builds and runs a depmod pipeline, then hands the per-kernel reports back to the caller. */
public final class DepmodJob {
  /** Counts while the pipeline runs; modulesFromCache of modulesRead came from the module cache. */
  public record Progress(long modulesRead, long modulesFromCache, long packagesRead, long kernelsWritten) {}

  private DepmodJob() {}

  /** depmod for kernels whose module files are known up front. */
  public static List<KernelReport> run(
      PipelineOptions options, List<ModuleFile> files, List<KernelSpec> kernels) throws IOException {
    List<KernelReport> got = run(options, Depmod.builder().trees(kernels, files).build(), null);
    if (got.size() != kernels.size()) {
      // Typically workers wrote to their own local disks: the launcher must see the same storage.
      throw new IOException(
          "found " + got.size() + " of " + kernels.size() + " kernel reports in the temp location"
              + "; on a cluster, set --tempLocation to storage shared by the launcher and all workers");
    }
    return got;
  }

  /**
   * @param progress called every few seconds while the pipeline runs, and once with the final counts
   *     when it is done (null: no calls)
   */
  public static List<KernelReport> run(
      PipelineOptions options, PTransform<PBegin, PCollection<KernelReport>> job, Consumer<Progress> progress)
      throws IOException {
    FileSystems.setDefaultPipelineOptions(options);
    String reports = reportDirectory(options);
    Pipeline pipeline = Pipeline.create(options);
    pipeline.apply("Depmod", job).apply("WriteReports", new WriteKernelReports(reports));
    PipelineResult result = pipeline.run();
    PipelineResult.State state = result.waitUntilFinish(Duration.standardSeconds(2));
    while (state == null || !state.isTerminal()) {
      if (progress != null) progress.accept(progress(result));
      state = result.waitUntilFinish(Duration.standardSeconds(2));
    }
    if (state != PipelineResult.State.DONE) {
      throw new IOException("pipeline ended in state " + state);
    }
    if (progress != null) progress.accept(progress(result));
    try {
      return WriteKernelReports.readAll(reports);
    } finally {
      remove(reports);
    }
  }

  /** Removes the report files, then their directory (file systems without directories have none to remove). */
  private static void remove(String reports) throws IOException {
    ResourceId dir = FileSystems.matchNewResource(reports, true);
    FileSystems.delete(
        FileSystems.match(dir.resolve("*", StandardResolveOptions.RESOLVE_FILE).toString(), EmptyMatchTreatment.ALLOW)
            .metadata().stream().map(m -> m.resourceId()).toList(),
        StandardMoveOptions.IGNORE_MISSING_FILES);
    FileSystems.delete(List.of(dir), StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  private static Progress progress(PipelineResult result) {
    try {
      return new Progress(
          counter(result, ReadModules.class, "modulesRead"),
          counter(result, ReadModules.class, "modulesFromCache"),
          counter(result, ReadPackages.class, "packagesRead"),
          counter(result, WriteKernelOutputs.class, "kernelsWritten"));
    } catch (UnsupportedOperationException e) {
      return new Progress(0, 0, 0, 0); // a runner without live metrics
    }
  }

  private static long counter(PipelineResult result, Class<?> namespace, String name) {
    long sum = 0;
    for (MetricResult<Long> c :
        result.metrics().queryMetrics(MetricsFilter.builder()
            .addNameFilter(MetricNameFilter.named(namespace, name)).build()).getCounters()) {
      Long v = c.getAttempted();
      if (v != null) sum += v;
    }
    return sum;
  }

  /** Reports go below the temp location when one is set (shared storage on a cluster), else local tmp. */
  private static String reportDirectory(PipelineOptions options) {
    String base = options.getTempLocation();
    if (base == null || base.isEmpty()) base = System.getProperty("java.io.tmpdir");
    return FileSystems.matchNewResource(base, true)
        .resolve("beam-depmod-reports-" + UUID.randomUUID(), StandardResolveOptions.RESOLVE_DIRECTORY)
        .toString();
  }
}
