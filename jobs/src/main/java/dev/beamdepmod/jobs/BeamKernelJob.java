package dev.beamdepmod.jobs;

import dev.beamdepmod.config.DiscoveredModule;
import dev.beamdepmod.jobs.depmod.KernelJob;
import dev.beamdepmod.jobs.depmod.KernelPlan;
import dev.beamdepmod.jobs.depmod.LocalFs;
import dev.beamdepmod.jobs.depmod.LocalOutputDirectory;
import dev.beamdepmod.pipeline.DepmodJob;
import dev.beamdepmod.resolve.DepmodResult;
import dev.beamdepmod.schema.KernelReport;
import dev.beamdepmod.schema.ModuleFile;
import dev.beamdepmod.transforms.KernelSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Runs one depmod invocation's kernel as a Beam pipeline and hands back what depmod would print.
 * The output directory is local: it is prepared here, around the pipeline ({@link LocalOutputDirectory}).
 */
public final class BeamKernelJob implements KernelJob {
  private static final String KERNEL = "depmod";
  private final PipelineOptions options;

  public BeamKernelJob(PipelineOptions options) {
    this.options = options;
  }

  @Override
  public DepmodResult run(KernelPlan plan) {
    LocalFs fs = new LocalFs(plan.cwd());
    List<ModuleFile> files = new ArrayList<>();
    for (DiscoveredModule m : plan.modules()) {
      files.add(new ModuleFile(KERNEL, location(fs, m.path()), m.path(), m.relpath()));
    }
    KernelSpec spec =
        KernelSpec.discovered(
            KERNEL,
            plan.dirname(),
            location(fs, plan.dirname()),
            location(fs, plan.outdirname()),
            plan.outdirname(),
            plan.settings());
    if (plan.settings().dryRun()) {
      return result(run(files, spec), List.of());
    }
    try (LocalOutputDirectory out = LocalOutputDirectory.prepare(
        LocalOutputDirectory.localPath(spec.outputDir()), plan.outdirname())) {
      // The pipeline runs inside the directory's lock; its warnings come first, as its clearing does.
      return result(run(files, spec.withOutputFailure(out.failure())), out.warnings());
    }
  }

  private KernelReport run(List<ModuleFile> files, KernelSpec spec) {
    try {
      return DepmodJob.run(options, files, List.of(spec)).get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DepmodResult result(KernelReport report, List<String> warnings) {
    List<String> stderr = new ArrayList<>(warnings);
    stderr.addAll(report.getStderr());
    return new DepmodResult(
        stderr,
        bytes(report.getStdout()),
        report.getExitCode(),
        new LinkedHashMap<>(),
        new DepmodResult.Stats(
            report.getModules(), report.getExports(), report.getUnresolved(),
            report.getCycleModules(), report.getUnreadableModules()));
  }

  private static String location(LocalFs fs, String depmodPath) {
    return fs.path(depmodPath).toAbsolutePath().toString();
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] b = new byte[buffer.remaining()];
    buffer.duplicate().get(b);
    return b;
  }
}
