package dev.beamdepmod.pipeline;

import dev.beamdepmod.schema.KernelReport;
import dev.beamdepmod.schema.ModuleFile;
import dev.beamdepmod.transforms.KernelSpec;
import dev.beamdepmod.transforms.ReadModules;
import dev.beamdepmod.transforms.ResolveKernels;
import dev.beamdepmod.transforms.WriteKernelOutputs;
import java.util.List;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/** depmod for kernels found before the pipeline starts: read every module in parallel, resolve per kernel, write atomically. */
public final class RunDepmod extends PTransform<PBegin, PCollection<KernelReport>> {
  private final List<ModuleFile> files;
  private final List<KernelSpec> kernels;

  public RunDepmod(List<ModuleFile> files, List<KernelSpec> kernels) {
    this.files = List.copyOf(files);
    this.kernels = List.copyOf(kernels);
  }

  @Override
  public PCollection<KernelReport> expand(PBegin begin) {
    return begin
        .apply("ReadModules", ReadModules.of(files))
        .apply("ResolveKernels", ResolveKernels.forKernels(kernels))
        .apply("WriteOutputs", new WriteKernelOutputs());
  }
}
