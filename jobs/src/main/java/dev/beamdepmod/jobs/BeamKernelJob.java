package dev.beamdepmod.jobs;

import dev.beamdepmod.diagnostics.Console;
import dev.beamdepmod.jobs.depmod.KernelJob;
import dev.beamdepmod.jobs.depmod.KernelPlan;
import dev.beamdepmod.jobs.depmod.LocalOutputDirectory;
import dev.beamdepmod.jobs.local.LocalDirectory;
import dev.beamdepmod.jobs.local.LocalFs;
import dev.beamdepmod.pipeline.DepmodJob;
import dev.beamdepmod.resolve.OutputTarget;
import dev.beamdepmod.schema.ModuleFile;
import dev.beamdepmod.transforms.KernelSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Runs one depmod invocation's kernel as a Beam pipeline, its console carried through, and hands
 * back the console the pipeline reports.
 * The output directory is local: it is prepared here, around the pipeline ({@link LocalOutputDirectory}).
 */
public final class BeamKernelJob implements KernelJob {
  private static final String KERNEL = "depmod";
  private final PipelineOptions options;

  public BeamKernelJob(PipelineOptions options) {
    this.options = options;
  }

  @Override
  public Console run(KernelPlan plan, Console console) {
    LocalFs fs = new LocalFs(plan.cwd());
    List<ModuleFile> files = new LocalDirectory(fs).moduleFiles(KERNEL, plan.modules());
    String outputDir = fs.location(plan.outdirname());
    if (!OutputTarget.of(plan.settings(), null).needsDirectory()) {
      return run(files, spec(plan, fs, outputDir, console));
    }
    // The pipeline runs inside the directory's lock; the clearing's warnings come before its messages.
    try (LocalOutputDirectory out = LocalOutputDirectory.prepare(
        LocalOutputDirectory.localPath(outputDir), plan.outdirname(), console)) {
      return run(files, spec(plan, fs, outputDir, console).withOutputFailure(out.failure()));
    }
  }

  private static KernelSpec spec(KernelPlan plan, LocalFs fs, String outputDir, Console console) {
    return KernelSpec.discovered(
        KERNEL, plan.dirname(), fs.location(plan.dirname()), outputDir, plan.outdirname(), plan.settings(), console);
  }

  private Console run(List<ModuleFile> files, KernelSpec spec) {
    try {
      return Console.of(DepmodJob.run(options, files, List.of(spec)).get(0), spec.settings().verbose());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
