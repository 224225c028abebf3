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
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
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
    List<KernelReport> got;
    try {
      got = WriteKernelReports.readAll(reports);
    } finally {
      remove(reports);
    }
    if (got.size() != kernels.size()) {
      // Typically workers wrote to their own local disks: the launcher must see the same storage.
      throw new IOException(
          "found " + got.size() + " of " + kernels.size() + " kernel reports in " + reports
              + "; on a cluster, set --tempLocation to storage shared by the launcher and all workers");
    }
    return got;
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

  /** Reports go below the temp location when one is set (shared storage on a cluster), else local tmp. */
  private static String reportDirectory(PipelineOptions options) {
    String base = options.getTempLocation();
    if (base == null || base.isEmpty()) base = System.getProperty("java.io.tmpdir");
    return FileSystems.matchNewResource(base, true)
        .resolve("beam-depmod-reports-" + UUID.randomUUID(), StandardResolveOptions.RESOLVE_DIRECTORY)
        .toString();
  }
}
