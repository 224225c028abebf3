package dev.beamdepmod.transforms;

import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.diagnostics.Console;
import dev.beamdepmod.diff.Snapshots;
import dev.beamdepmod.discovery.DiscoveredModule;
import dev.beamdepmod.discovery.PackageTree;
import dev.beamdepmod.discovery.TreeWalker;
import dev.beamdepmod.module.Errno;
import dev.beamdepmod.resolve.DepmodResult;
import dev.beamdepmod.resolve.FileContent;
import dev.beamdepmod.resolve.KernelInputs;
import dev.beamdepmod.resolve.OutputTarget;
import dev.beamdepmod.resolve.Resolution;
import dev.beamdepmod.resolve.Resolver;
import dev.beamdepmod.schema.KernelSideFile;
import dev.beamdepmod.schema.ModuleRecord;
import dev.beamdepmod.schema.PackageFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Groups everything known about each kernel (one key per kernel, never per symbol) and runs
 * depmod's resolution on it: its spec, its batches of module records, and the side files that came with them
 * from packages, or the failures of packages that held part of it (then it is not resolved). Kernels without any module still get a result.
 */
public final class ResolveKernels
    extends PTransform<KeyedPCollectionTuple<String>, PCollection<KernelResolution>> {
  public static final TupleTag<KernelSpec> SPECS = new TupleTag<>() {};
  public static final TupleTag<PackedModules> MODULES = new TupleTag<>() {};
  public static final TupleTag<KernelSideFile> SIDE_FILES = new TupleTag<>() {};
  public static final TupleTag<PackageFailure> FAILURES = new TupleTag<>() {};

  /**
   * The four keyed inputs; {@code sideFiles} and {@code failures} may be null when no kernel comes
   * from a package.
   */
  public static KeyedPCollectionTuple<String> inputs(
      PCollection<KV<String, KernelSpec>> specs,
      PCollection<KV<String, PackedModules>> modules,
      PCollection<KV<String, KernelSideFile>> sideFiles,
      PCollection<KV<String, PackageFailure>> failures) {
    if (sideFiles == null) {
      sideFiles =
          modules.getPipeline().apply("NoSideFiles", Create.empty(sideFileCoder()));
    }
    if (failures == null) {
      failures = modules.getPipeline().apply("NoPackageFailures", Create.empty(failureCoder()));
    }
    return KeyedPCollectionTuple.of(SPECS, specs).and(MODULES, modules).and(SIDE_FILES, sideFiles)
        .and(FAILURES, failures);
  }

  /** Resolution of kernels known when the pipeline is built, whose side files are in their input directories. */
  public static PTransform<PCollection<KV<String, PackedModules>>, PCollection<KernelResolution>> forKernels(
      List<KernelSpec> kernels) {
    List<KernelSpec> specs = List.copyOf(kernels);
    return new PTransform<>() {
      @Override
      public PCollection<KernelResolution> expand(PCollection<KV<String, PackedModules>> modules) {
        return inputs(specs(PBegin.in(modules.getPipeline()), specs), modules, null, null).apply(new ResolveKernels());
      }
    };
  }

  /** Specs known when the pipeline is built. */
  public static PCollection<KV<String, KernelSpec>> specs(PBegin begin, List<KernelSpec> kernels) {
    List<KV<String, KernelSpec>> keyed = new ArrayList<>();
    for (KernelSpec spec : kernels) keyed.add(KV.of(spec.kernel(), spec));
    return begin.apply("Kernels", Create.of(keyed).withCoder(specCoder()));
  }

  public static KvCoder<String, KernelSpec> specCoder() {
    return KvCoder.of(StringUtf8Coder.of(), KernelRecords.specCoder());
  }

  public static KvCoder<String, KernelSideFile> sideFileCoder() {
    return KvCoder.of(StringUtf8Coder.of(), AvroCoder.specific(KernelSideFile.class));
  }

  public static KvCoder<String, PackageFailure> failureCoder() {
    return KvCoder.of(StringUtf8Coder.of(), AvroCoder.specific(PackageFailure.class));
  }

  @Override
  public PCollection<KernelResolution> expand(KeyedPCollectionTuple<String> inputs) {
    return inputs
        .apply("GroupPerKernel", CoGroupByKey.create())
        .apply("Resolve", ParDo.of(new ResolveFn()))
        .setCoder(KernelRecords.resolutionCoder());
  }

  static final class ResolveFn extends DoFn<KV<String, CoGbkResult>, KernelResolution> {
    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> group, OutputReceiver<KernelResolution> out)
        throws IOException {
      CoGbkResult all = group.getValue();
      KernelSpec spec = all.getAll(SPECS).iterator().next();
      List<String> failures = new ArrayList<>();
      for (PackageFailure f : all.getAll(FAILURES)) failures.add(f.getReason());
      if (!failures.isEmpty()) {
        out.output(new KernelResolution(spec, failed(spec, failures), null));
        return;
      }
      Map<String, KernelSideFile> side = new HashMap<>();
      for (KernelSideFile f : all.getAll(SIDE_FILES)) side.putIfAbsent(f.getName(), f);
      List<ModuleRecord> modules = new ArrayList<>();
      for (PackedModules batch : all.getAll(MODULES)) modules.addAll(batch.records());
      if (spec.config() != null) modules = keptModules(spec, modules);
      OutputTarget target = spec.target();
      boolean builtins = target.readsBuiltinLists();
      KernelInputs inputs =
          new KernelInputs(
              spec.dirname(),
              input(spec, side, "modules.order"),
              builtins ? input(spec, side, "modules.builtin") : null,
              builtins ? input(spec, side, "modules.builtin.modinfo") : null);
      Resolution resolution = Resolver.resolveWithGraph(modules, inputs, spec.settings(), target, spec.console());
      byte[] snapshot = spec.snapshot() ? snapshot(spec, resolution, inputs) : null;
      out.output(new KernelResolution(spec, resolution.result(), snapshot));
    }

    private static byte[] snapshot(KernelSpec spec, Resolution resolution, KernelInputs inputs) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      Snapshots.write(Snapshots.of(spec.kernel(), resolution.graph(), inputs), bytes);
      return bytes.toByteArray();
    }

    /**
     * The modules depmod's walk keeps from the unpacked packages, in discovery order: the walk goes
     * through the records' relpaths as they were first seen; of one path found twice (in two
     * packages), the first counts.
     */
    private static List<ModuleRecord> keptModules(KernelSpec spec, List<ModuleRecord> modules) {
      modules.sort(Comparator.comparingLong(ModuleRecord::getDiscovery));
      PackageTree tree = new PackageTree(spec.dirname());
      for (ModuleRecord m : modules) tree.add(m.getRelpath());
      Set<String> kept = new HashSet<>();
      for (DiscoveredModule d : TreeWalker.walkPackage(tree, spec.config())) kept.add(d.path());
      List<ModuleRecord> result = new ArrayList<>();
      for (ModuleRecord m : modules) if (kept.remove(m.getPath())) result.add(m);
      return result;
    }

    private static DepmodResult failed(KernelSpec spec, List<String> failures) {
      Console console = spec.console();
      for (String f : failures) console.accept(DepmodMessage.beamDepmodError("kernel " + spec.kernel() + " not written: " + f));
      console.fail();
      return new DepmodResult(console, new LinkedHashMap<>(), new DepmodResult.Stats(0, 0, 0, 0, 0));
    }

    private static FileContent input(KernelSpec spec, Map<String, KernelSideFile> side, String name) {
      KernelSideFile packaged = side.get(name);
      if (packaged != null) return FileContent.of(KernelRecords.bytes(packaged.getContent()));
      if (spec.inputDir() == null) return FileContent.missing(Errno.ENOENT.text());
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
