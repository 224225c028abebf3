package dev.beamdepmod.pipeline;

import dev.beamdepmod.schema.KernelReport;
import dev.beamdepmod.schema.KernelSideFile;
import dev.beamdepmod.schema.ModuleFile;
import dev.beamdepmod.schema.ModuleRecord;
import dev.beamdepmod.schema.PackageFailure;
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
 * depmod as one composite: kernels whose module files were found before the pipeline (trees),
 * and packages streamed in the pipeline, merged per kernel version, each resolved under its own
 * depmod.d rules and written all-or-nothing. One report per kernel, and one per package that could
 * not be read. Built with {@link #builder()}.
 */
public final class Depmod extends PTransform<PBegin, PCollection<KernelReport>> {
  private final List<KernelSpec> walkedKernels;
  private final List<ModuleFile> walkedFiles;
  private final KernelTemplate template;
  private final List<String> packages;
  private final String avroDir;

  private Depmod(Builder b) {
    this.walkedKernels = List.copyOf(b.walkedKernels);
    this.walkedFiles = List.copyOf(b.walkedFiles);
    this.template = b.template;
    this.packages = List.copyOf(b.packages);
    this.avroDir = b.avroDir;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** What a {@link Depmod} reads, and where its records go besides the kernels' files. */
  public static final class Builder {
    private List<KernelSpec> walkedKernels = List.of();
    private List<ModuleFile> walkedFiles = List.of();
    private KernelTemplate template;
    private List<String> packages = List.of();
    private String avroDir;

    private Builder() {}

    /** Kernels found before the pipeline, and their module files. */
    public Builder trees(List<KernelSpec> kernels, List<ModuleFile> files) {
      this.walkedKernels = kernels;
      this.walkedFiles = files;
      return this;
    }

    /**
     * @param template what the kernels found in the packages share (options, depmod.d files)
     * @param locations FileSystems locations, in input order
     */
    public Builder packages(KernelTemplate template, List<String> locations) {
      this.template = template;
      this.packages = locations;
      return this;
    }

    /** Module and symbol records also go there as Avro files. */
    public Builder avroRecords(String dir) {
      this.avroDir = dir;
      return this;
    }

    public Depmod build() {
      return new Depmod(this);
    }
  }

  @Override
  public PCollection<KernelReport> expand(PBegin begin) {
    PCollection<KV<String, PackedModules>> modules = begin.apply("ReadModules", ReadModules.of(walkedFiles));
    PCollection<KV<String, KernelSpec>> specs = ResolveKernels.specs(begin, walkedKernels);
    PCollection<KV<String, KernelSideFile>> sideFiles = null;
    PCollection<KV<String, PackageFailure>> failures = null;
    PCollectionList<KernelReport> reports = PCollectionList.empty(begin.getPipeline());
    if (!packages.isEmpty()) {
      List<KV<Long, String>> numbered = new ArrayList<>();
      for (int i = 0; i < packages.size(); i++) numbered.add(KV.of((long) i, packages.get(i)));
      PCollectionTuple packaged =
          begin
              .apply("Packages", Create.of(numbered).withCoder(KvCoder.of(VarLongCoder.of(), StringUtf8Coder.of())))
              .apply("ReadPackages", new ReadPackages(template));
      modules = PCollectionList.of(modules).and(packaged.get(ReadPackages.MODULES)).apply("AllModules", Flatten.pCollections());
      specs = PCollectionList.of(specs).and(packaged.get(ReadPackages.SPECS)).apply("AllKernels", Flatten.pCollections());
      sideFiles = packaged.get(ReadPackages.SIDE_FILES);
      failures = packaged.get(ReadPackages.KERNEL_FAILURES);
      reports = reports.and(packaged.get(ReadPackages.FAILURES));
    }
    if (avroDir != null) writeRecords(modules);
    PCollection<KernelReport> kernels =
        ResolveKernels.inputs(specs, modules, sideFiles, failures)
            .apply("ResolveKernels", new ResolveKernels())
            .apply("WriteOutputs", new WriteKernelOutputs());
    return reports.and(kernels).apply("AllReports", Flatten.pCollections());
  }

  private void writeRecords(PCollection<KV<String, PackedModules>> modules) {
    PCollection<ModuleRecord> records = modules.apply("Unbatch", ReadModules.unbatched());
    records.apply("ModuleRecords", AvroIO.write(ModuleRecord.class).to(avroDir + "/modules").withSuffix(".avro"));
    records
        .apply("Symbols", new ExportedSymbols())
        .apply("SymbolRecords", AvroIO.write(SymbolRecord.class).to(avroDir + "/symbols").withSuffix(".avro"));
  }
}
