package dev.beamdepmod.pipeline;

import dev.beamdepmod.schema.KernelReport;
import dev.beamdepmod.schema.ModuleFile;
import dev.beamdepmod.transforms.KernelSpec;
import dev.beamdepmod.transforms.WriteKernelReports;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptions;

/** Builds and runs the depmod pipeline, then hands the per-kernel reports back to the caller. */
public final class DepmodJob {
  private DepmodJob() {}

  public static List<KernelReport> run(
      PipelineOptions options, List<ModuleFile> files, List<KernelSpec> kernels) throws IOException {
    FileSystems.setDefaultPipelineOptions(options);
    String reports = reportDirectory(options);
    Pipeline pipeline = Pipeline.create(options);
    pipeline
        .apply("Depmod", new RunDepmod(files, kernels))
        .apply("WriteReports", new WriteKernelReports(reports));
    PipelineResult.State state = pipeline.run().waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IOException("pipeline ended in state " + state);
    }
    try {
      return WriteKernelReports.readAll(reports);
    } finally {
      ResourceId dir = FileSystems.matchNewResource(reports, true);
      FileSystems.delete(
          FileSystems.match(dir.resolve("*", StandardResolveOptions.RESOLVE_FILE).toString())
              .metadata().stream().map(m -> m.resourceId()).toList(),
          StandardMoveOptions.IGNORE_MISSING_FILES);
      // The directory itself exists on a local file system only.
      FileSystems.delete(List.of(dir), StandardMoveOptions.IGNORE_MISSING_FILES);
    }
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
