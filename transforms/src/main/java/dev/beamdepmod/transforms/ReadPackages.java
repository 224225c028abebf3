package dev.beamdepmod.transforms;

import dev.beamdepmod.archive.EntryVisitor;
import dev.beamdepmod.archive.KernelTree;
import dev.beamdepmod.archive.ModuleTreePath;
import dev.beamdepmod.archive.PackageReader;
import dev.beamdepmod.config.DepmodConfig;
import dev.beamdepmod.config.ModuleFiles;
import dev.beamdepmod.module.ByteBufferSource;
import dev.beamdepmod.module.Errno;
import dev.beamdepmod.module.ModuleReader;
import dev.beamdepmod.schema.KernelReport;
import dev.beamdepmod.schema.KernelSideFile;
import dev.beamdepmod.schema.ModuleRecord;
import dev.beamdepmod.schema.ReportKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Streams kernel module trees out of packages (.deb, RPM, tarballs) without unpacking them: each
 * module is parsed as its bytes go by (on a few threads, so one package still uses every core),
 * and only the compact records leave. A package that cannot be read fails alone: its report says
 * why, and every kernel it held part of is marked so that no incomplete output is written.
 *
 * <p>Input: (package number, FileSystems location); the number orders packages that hold parts of
 * the same kernel, standing in for depmod's directory order together with the archive order.
 */
public final class ReadPackages extends PTransform<PCollection<KV<Long, String>>, PCollectionTuple> {
  public static final TupleTag<ModuleRecord> MODULES = new TupleTag<>() {};
  public static final TupleTag<KV<String, KernelSideFile>> SIDE_FILES = new TupleTag<>() {};
  public static final TupleTag<KV<String, KernelSpec>> SPECS = new TupleTag<>() {};
  public static final TupleTag<KernelReport> FAILURES = new TupleTag<>() {};

  private final KernelTemplate template;

  public ReadPackages(KernelTemplate template) {
    this.template = template;
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<Long, String>> packages) {
    PCollectionTuple out =
        packages.apply(
            "StreamPackage",
            ParDo.of(new StreamPackageFn(template))
                .withOutputTags(MODULES, TupleTagList.of(List.of(SIDE_FILES, SPECS, FAILURES))));
    out.get(MODULES).setCoder(AvroCoder.specific(ModuleRecord.class));
    out.get(SIDE_FILES).setCoder(ResolveKernels.sideFileCoder());
    out.get(SPECS).setCoder(ResolveKernels.specCoder());
    out.get(FAILURES).setCoder(AvroCoder.specific(KernelReport.class));
    return out;
  }

  static final class StreamPackageFn extends DoFn<KV<Long, String>, ModuleRecord> {
    /** Modules parsed ahead of the one being emitted, per thread; bounds the bytes held. */
    private static final int IN_FLIGHT_PER_THREAD = 2;
    private static final Set<String> SIDE_FILE_NAMES =
        Set.of(KernelTree.MODULES_ORDER, KernelTree.MODULES_BUILTIN, KernelTree.MODULES_BUILTIN_MODINFO);

    private final KernelTemplate template;
    private final Counter modulesRead = Metrics.counter(ReadModules.class, "modulesRead");
    private final Counter packagesRead = Metrics.counter(ReadPackages.class, "packagesRead");
    private transient ExecutorService pool;
    private transient int threads;

    StreamPackageFn(KernelTemplate template) {
      this.template = template;
    }

    @Setup
    public void setup() {
      threads = Math.max(1, Runtime.getRuntime().availableProcessors());
      pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "beam-depmod-parse");
        t.setDaemon(true);
        return t;
      });
    }

    @Teardown
    public void teardown() {
      pool.shutdownNow();
    }

    @ProcessElement
    public void process(@Element KV<Long, String> pkg, MultiOutputReceiver out) {
      String location = pkg.getValue();
      Set<String> kernels = new LinkedHashSet<>();
      Map<String, DepmodConfig> configs = new HashMap<>();
      ArrayDeque<Future<ModuleRecord>> pending = new ArrayDeque<>();
      long[] entry = {0};
      try (InputStream in = Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(location, false)))) {
        PackageReader.entries(location, in, new EntryVisitor() {
          @Override
          public void file(String path, long size, InputStream content) throws IOException {
            ModuleTreePath where = ModuleTreePath.of(path);
            if (where == null) return;
            String kernel = where.version();
            String dirname = "/" + where.moddir() + "/" + kernel;
            if (kernels.add(kernel)) {
              out.get(SPECS).output(KV.of(kernel, template.packaged(kernel, dirname)));
            }
            String relpath = where.relpath();
            if (SIDE_FILE_NAMES.contains(relpath)) {
              out.get(SIDE_FILES).output(KV.of(kernel, new KernelSideFile(kernel, relpath, ByteBuffer.wrap(content.readAllBytes()), null)));
              return;
            }
            DepmodConfig config = configs.computeIfAbsent(kernel, template::config);
            for (String component : relpath.split("/")) if (config.skipsEntry(component)) return;
            if (!ModuleFiles.hasModuleExtension(relpath.substring(relpath.lastIndexOf('/') + 1))) return;
            byte[] bytes = content.readAllBytes();
            long discovery = (pkg.getKey() << 32) | entry[0]++;
            pending.add(pool.submit(() -> record(kernel, dirname + "/" + relpath, relpath, discovery, bytes)));
            while (pending.size() > threads * IN_FLIGHT_PER_THREAD) emit(pending.poll(), out);
          }
        });
        while (!pending.isEmpty()) emit(pending.poll(), out);
        packagesRead.inc();
      } catch (IOException e) {
        pending.forEach(f -> f.cancel(true));
        String reason = e.getMessage() != null && e.getMessage().contains(location) ? e.getMessage() : location + ": " + Errno.strerror(e);
        out.get(FAILURES).output(KernelReport.newBuilder()
            .setKernel(location)
            .setKind(ReportKind.INPUT)
            .setExitCode(1)
            .setStderr(List.of("beam-depmod: ERROR: " + reason))
            .setStdout(ByteBuffer.allocate(0))
            .build());
        for (String kernel : kernels) {
          out.get(SIDE_FILES).output(KV.of(kernel, new KernelSideFile(kernel, "", ByteBuffer.allocate(0), reason)));
        }
      }
    }

    private void emit(Future<ModuleRecord> future, MultiOutputReceiver out) throws InterruptedIOException {
      try {
        out.get(MODULES).output(future.get());
        modulesRead.inc();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted");
      } catch (ExecutionException e) {
        throw new IllegalStateException("module reader failed unexpectedly", e.getCause());
      }
    }

    private static ModuleRecord record(String kernel, String path, String relpath, long discovery, byte[] bytes) {
      ModuleRecord record = ModuleReader.read(path, ByteBufferSource.of(bytes));
      record.setKernel(kernel);
      record.setRelpath(relpath);
      record.setDiscovery(discovery);
      return record;
    }
  }
}
