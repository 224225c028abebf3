package dev.beamdepmod.transforms;

import dev.beamdepmod.archive.ArchiveLimits;
import dev.beamdepmod.archive.EntryVisitor;
import dev.beamdepmod.archive.ModuleTreePath;
import dev.beamdepmod.archive.PackageReader;
import dev.beamdepmod.cache.ModuleCache;
import dev.beamdepmod.config.DepmodConfig;
import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.diagnostics.Console;
import dev.beamdepmod.discovery.TreeWalker;
import dev.beamdepmod.module.Errno;
import dev.beamdepmod.schema.KernelReport;
import dev.beamdepmod.schema.KernelSideFile;
import dev.beamdepmod.schema.ModuleRecord;
import dev.beamdepmod.schema.PackageFailure;
import dev.beamdepmod.schema.ReportKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Streams kernel module trees out of packages (.deb, RPM, tarballs) without unpacking them: each
 * module is parsed as its bytes go by (on the shared {@link ParsePool}, so one package still uses every core),
 * and only the compact records leave. A package that cannot be read fails alone: its report says
 * why, and every kernel it held part of is marked so that no incomplete output is written.
 *
 * <p>Input: (package number, FileSystems location); the number orders packages that hold parts of
 * the same kernel, standing in for depmod's directory order together with the archive order.
 */
public final class ReadPackages extends PTransform<PCollection<KV<Long, String>>, PCollectionTuple> {
  public static final TupleTag<KV<String, PackedModules>> MODULES = new TupleTag<>() {};
  public static final TupleTag<KV<String, KernelSideFile>> SIDE_FILES = new TupleTag<>() {};
  public static final TupleTag<KV<String, KernelSpec>> SPECS = new TupleTag<>() {};
  public static final TupleTag<KernelReport> FAILURES = new TupleTag<>() {};
  /** For every kernel a failed package held part of: why that kernel must not be written. */
  public static final TupleTag<KV<String, PackageFailure>> KERNEL_FAILURES = new TupleTag<>() {};

  private final KernelTemplate template;

  public ReadPackages(KernelTemplate template) {
    this.template = template;
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<Long, String>> packages) {
    PCollectionTuple out =
        packages
            // One package per worker thread: each streams its own compressed archive.
            .apply("SpreadPackages", Reshuffle.viaRandomKey())
            .apply(
            "StreamPackage",
            ParDo.of(new StreamPackageFn(template))
                .withOutputTags(MODULES, TupleTagList.of(List.of(SIDE_FILES, SPECS, FAILURES, KERNEL_FAILURES))));
    out.get(MODULES).setCoder(ReadModules.batchCoder());
    out.get(SIDE_FILES).setCoder(ResolveKernels.sideFileCoder());
    out.get(SPECS).setCoder(ResolveKernels.specCoder());
    out.get(FAILURES).setCoder(AvroCoder.specific(KernelReport.class));
    out.get(KERNEL_FAILURES).setCoder(ResolveKernels.failureCoder());
    return out;
  }

  static final class StreamPackageFn extends DoFn<KV<Long, String>, KV<String, PackedModules>> {
    private static final Set<String> SIDE_FILE_NAMES =
        Set.of("modules.order", "modules.builtin", "modules.builtin.modinfo");

    private final KernelTemplate template;
    private transient ModuleCache cache;
    private final Counter modulesRead = Metrics.counter(ReadModules.class, "modulesRead");
    private final Counter modulesFromCache = Metrics.counter(ReadModules.class, "modulesFromCache");
    private final Counter packagesRead = Metrics.counter(ReadPackages.class, "packagesRead");

    StreamPackageFn(KernelTemplate template) {
      this.template = template;
    }

    @StartBundle
    public void startBundle(StartBundleContext context) {
      XzOptions.bind(context.getPipelineOptions());
      cache = CacheOptions.bind(context.getPipelineOptions());
    }

    @ProcessElement
    public void process(@Element KV<Long, String> pkg, MultiOutputReceiver out) {
      String location = pkg.getValue();
      Set<String> kernels = new LinkedHashSet<>();
      Map<String, DepmodConfig> configs = new HashMap<>();
      Map<String, List<ModuleRecord>> batches = new HashMap<>();
      // Counted here, on the DoFn's thread: Beam's metrics do not see the pool's threads.
      ParsePool.Ordered<ModuleCache.Lookup> parsing = ParsePool.ordered(got -> {
        modulesRead.inc();
        if (got.hit()) modulesFromCache.inc();
        ModuleRecord record = got.record();
        List<ModuleRecord> batch = batches.computeIfAbsent(record.getKernel(), k -> new ArrayList<>());
        batch.add(record);
        if (batch.size() == ReadModules.BATCH_SIZE) emit(record.getKernel(), batches.remove(record.getKernel()), out);
      });
      long[] entry = {0};
      try (InputStream in = Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(location, false)))) {
        long stored = FileSystems.matchSingleFileSpec(location).sizeBytes();
        PackageReader.entries(location, in, ArchiveLimits.forPackage(stored), new EntryVisitor() {
          @Override
          public boolean wants(String path) {
            return ModuleTreePath.of(path) != null;
          }

          @Override
          public void file(String path, long size, InputStream content) throws IOException {
            ModuleTreePath where = ModuleTreePath.of(path);
            String kernel = where.version();
            String dirname = "/" + where.moddir() + "/" + kernel;
            if (kernels.add(kernel)) {
              out.get(SPECS).output(KV.of(kernel, template.packaged(kernel, dirname)));
            }
            String relpath = where.relpath();
            if (SIDE_FILE_NAMES.contains(relpath)) {
              out.get(SIDE_FILES).output(KV.of(kernel, new KernelSideFile(kernel, relpath, ByteBuffer.wrap(content.readAllBytes()))));
              return;
            }
            DepmodConfig config = configs.computeIfAbsent(kernel, template::config);
            if (!TreeWalker.mayKeep(config, relpath)) return;
            byte[] bytes = content.readAllBytes();
            long discovery = (pkg.getKey() << 32) | entry[0]++;
            parsing.submit(() -> record(kernel, dirname + "/" + relpath, relpath, discovery, bytes, cache));
          }
        });
        parsing.finish();
        batches.forEach((kernel, batch) -> emit(kernel, batch, out));
        packagesRead.inc();
      } catch (IOException e) {
        parsing.cancel();
        String reason = e.getMessage() != null && e.getMessage().contains(location) ? e.getMessage() : location + ": " + Errno.strerror(e);
        Console console = new Console(template.settings().verbose());
        console.accept(DepmodMessage.beamDepmodError(reason));
        console.fail();
        out.get(FAILURES).output(console.report(location).setKind(ReportKind.INPUT).build());
        for (String kernel : kernels) {
          out.get(KERNEL_FAILURES).output(KV.of(kernel, new PackageFailure(kernel, reason)));
        }
      }
    }

    private static void emit(String kernel, List<ModuleRecord> batch, MultiOutputReceiver out) {
      out.get(MODULES).output(KV.of(kernel, PackedModules.of(kernel, batch)));
    }

    private static ModuleCache.Lookup record(
        String kernel, String path, String relpath, long discovery, byte[] bytes, ModuleCache cache) {
      ModuleCache.Lookup got = ReadModules.read(path, bytes, cache);
      got.record().setKernel(kernel);
      got.record().setRelpath(relpath);
      got.record().setDiscovery(discovery);
      return got;
    }
  }
}
