package dev.beamdepmod.pipeline;

import dev.beamdepmod.schema.KernelReport;
import dev.beamdepmod.schema.ModuleFile;
import dev.beamdepmod.schema.ModuleRecord;
import dev.beamdepmod.schema.SymbolRecord;
import dev.beamdepmod.transforms.ExportedSymbols;
import dev.beamdepmod.transforms.KernelSpec;
import dev.beamdepmod.transforms.KernelTemplate;
import dev.beamdepmod.transforms.PackedModules;
import dev.beamdepmod.transforms.ReadModules;
import dev.beamdepmod.transforms.ReadPackages;
import dev.beamdepmod.transforms.ResolveKernels;
import dev.beamdepmod.transforms.WriteKernelOutputs;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * depmod over a matrix of kernels in one pipeline: trees walked beforehand and packages streamed
 * in the pipeline, merged per kernel version, each resolved under its own depmod.d rules.
 */
public final class RunMatrix extends PTransform<PBegin, PCollection<KernelReport>> {
  private final KernelTemplate template;
  private final List<KernelSpec> walkedKernels;
  private final List<ModuleFile> walkedFiles;
  private final List<String> packages;
  private final String avroDir;

  /**
   * @param packages FileSystems locations, in input order
   * @param avroDir where module and symbol records go as Avro files; null for none
   */
  public RunMatrix(
      KernelTemplate template, List<KernelSpec> walkedKernels, List<ModuleFile> walkedFiles,
      List<String> packages, String avroDir) {
    this.template = template;
    this.walkedKernels = List.copyOf(walkedKernels);
    this.walkedFiles = List.copyOf(walkedFiles);
    this.packages = List.copyOf(packages);
    this.avroDir = avroDir;
  }

  @Override
  public PCollection<KernelReport> expand(PBegin begin) {
    List<KV<Long, String>> numbered = new ArrayList<>();
    for (int i = 0; i < packages.size(); i++) numbered.add(KV.of((long) i, packages.get(i)));
    PCollectionTuple packaged =
        begin
            .apply("Packages", Create.of(numbered).withCoder(KvCoder.of(VarLongCoder.of(), StringUtf8Coder.of())))
            .apply("ReadPackages", new ReadPackages(template));
    PCollection<KV<String, PackedModules>> walked = begin.apply("ReadModules", ReadModules.of(walkedFiles));
    PCollection<KV<String, PackedModules>> modules =
        PCollectionList.of(walked).and(packaged.get(ReadPackages.MODULES)).apply("AllModules", Flatten.pCollections());
    PCollection<KV<String, KernelSpec>> specs =
        PCollectionList.of(ResolveKernels.specs(begin, walkedKernels))
            .and(packaged.get(ReadPackages.SPECS))
            .apply("AllKernels", Flatten.pCollections());
    if (avroDir != null) {
      PCollection<ModuleRecord> records = modules.apply("Unbatch", ReadModules.unbatched());
      records.apply("ModuleRecords", AvroIO.write(ModuleRecord.class).to(avroDir + "/modules").withSuffix(".avro"));
      records
          .apply("Symbols", new ExportedSymbols())
          .apply("SymbolRecords", AvroIO.write(SymbolRecord.class).to(avroDir + "/symbols").withSuffix(".avro"));
    }
    PCollection<KernelReport> kernels =
        ResolveKernels.inputs(specs, modules, packaged.get(ReadPackages.SIDE_FILES))
            .apply("ResolveKernels", new ResolveKernels())
            .apply("WriteOutputs", new WriteKernelOutputs());
    return PCollectionList.of(kernels).and(packaged.get(ReadPackages.FAILURES)).apply("AllReports", Flatten.pCollections());
  }
}
