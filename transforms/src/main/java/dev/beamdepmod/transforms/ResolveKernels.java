package dev.beamdepmod.transforms;

import dev.beamdepmod.module.Errno;
import dev.beamdepmod.resolve.DepmodResult;
import dev.beamdepmod.resolve.FileContent;
import dev.beamdepmod.resolve.KernelInputs;
import dev.beamdepmod.resolve.Resolver;
import dev.beamdepmod.schema.ModuleRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Groups the module records per kernel (one key per kernel, never per symbol) and runs depmod's
 * resolution on each group. Kernels without any module still get a result.
 */
public final class ResolveKernels
    extends PTransform<PCollection<ModuleRecord>, PCollection<KernelResolution>> {
  private static final TupleTag<KernelSpec> SPEC = new TupleTag<>() {};
  private static final TupleTag<ModuleRecord> MODULES = new TupleTag<>() {};

  private final List<KernelSpec> kernels;

  public ResolveKernels(List<KernelSpec> kernels) {
    this.kernels = List.copyOf(kernels);
  }

  @Override
  public PCollection<KernelResolution> expand(PCollection<ModuleRecord> modules) {
    List<KV<String, KernelSpec>> keyedSpecs = new ArrayList<>();
    for (KernelSpec spec : kernels) keyedSpecs.add(KV.of(spec.kernel(), spec));
    PCollection<KV<String, KernelSpec>> specs =
        modules
            .getPipeline()
            .apply("Kernels", Create.of(keyedSpecs)
                .withCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(KernelSpec.class))));
    PCollection<KV<String, ModuleRecord>> keyed =
        modules
            .apply("KeyByKernel", WithKeys.of(ModuleRecord::getKernel).withKeyType(TypeDescriptors.strings()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), AvroCoder.specific(ModuleRecord.class)));
    return KeyedPCollectionTuple.of(SPEC, specs)
        .and(MODULES, keyed)
        .apply("GroupPerKernel", CoGroupByKey.create())
        .apply("Resolve", ParDo.of(new ResolveFn()))
        .setCoder(SerializableCoder.of(KernelResolution.class));
  }

  static final class ResolveFn extends DoFn<KV<String, CoGbkResult>, KernelResolution> {
    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> group, OutputReceiver<KernelResolution> out)
        throws IOException {
      KernelSpec spec = group.getValue().getOnly(SPEC);
      List<ModuleRecord> modules = new ArrayList<>();
      group.getValue().getAll(MODULES).forEach(modules::add);
      boolean dryRun = spec.settings().dryRun();
      // depmod does not open the builtin files in -n mode.
      KernelInputs inputs =
          new KernelInputs(
              spec.dirname(),
              readInput(spec, "modules.order"),
              dryRun ? null : readInput(spec, "modules.builtin"),
              dryRun ? null : readInput(spec, "modules.builtin.modinfo"));
      DepmodResult result = Resolver.resolve(modules, inputs, spec.settings());
      out.output(new KernelResolution(spec, result));
    }

    private static FileContent readInput(KernelSpec spec, String name) {
      ResourceId dir = FileSystems.matchNewResource(spec.inputDir(), true);
      try (InputStream in =
          Channels.newInputStream(FileSystems.open(dir.resolve(name, StandardResolveOptions.RESOLVE_FILE)))) {
        return FileContent.of(in.readAllBytes());
      } catch (IOException e) {
        return inputDirMissing(dir)
            ? FileContent.directoryMissing(Errno.ENOENT.text())
            : FileContent.missing(Errno.strerror(e));
      }
    }

    /** In files mode the input directory may not exist; depmod then reports the directory. */
    private static boolean inputDirMissing(ResourceId dir) {
      try {
        return FileSystems.match(dir.toString()).status() == MatchResult.Status.NOT_FOUND;
      } catch (IOException e) {
        return false;
      }
    }
  }
}
