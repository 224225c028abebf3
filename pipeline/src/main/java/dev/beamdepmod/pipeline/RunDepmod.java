package dev.beamdepmod.pipeline;

import dev.beamdepmod.schema.KernelReport;
import dev.beamdepmod.schema.ModuleFile;
import dev.beamdepmod.transforms.KernelSpec;
import dev.beamdepmod.transforms.ReadModules;
import dev.beamdepmod.transforms.ResolveKernels;
import dev.beamdepmod.transforms.WriteKernelOutputs;
import java.util.List;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/** depmod for kernels found before the pipeline starts: read every module in parallel, resolve per kernel, write atomically. */
public final class RunDepmod extends PTransform<PBegin, PCollection<KernelReport>> {
  static final int READ_SHARDS = 32;
  private final List<ModuleFile> files;
  private final List<KernelSpec> kernels;

  public RunDepmod(List<ModuleFile> files, List<KernelSpec> kernels) {
    this.files = List.copyOf(files);
    this.kernels = List.copyOf(kernels);
  }

  @Override
  public PCollection<KernelReport> expand(PBegin begin) {
    return begin
        .apply("ModuleFiles", Create.of(files).withCoder(AvroCoder.specific(ModuleFile.class)))
        .apply("ReadModules", new ReadModules(READ_SHARDS))
        .apply("ResolveKernels", ResolveKernels.forKernels(kernels))
        .apply("WriteOutputs", new WriteKernelOutputs());
  }
}
