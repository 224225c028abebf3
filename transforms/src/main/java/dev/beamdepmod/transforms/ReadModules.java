package dev.beamdepmod.transforms;

import dev.beamdepmod.cache.ModuleCache;
import dev.beamdepmod.module.ByteBufferSource;
import dev.beamdepmod.module.ChannelSource;
import dev.beamdepmod.module.Errno;
import dev.beamdepmod.module.ModuleReader;
import dev.beamdepmod.module.ModuleSource;
import dev.beamdepmod.schema.ModuleFile;
import dev.beamdepmod.schema.ModuleRecord;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Reads module files known when the pipeline is built into compact records, in batches of one
 * kernel's files. Batches, not single modules, are what crosses the pipeline: the DirectRunner's
 * costs are per element and per key, so a kernel of 4,000 modules travels as a handful of
 * elements, while each batch is parsed on every core ({@link ParsePool}) and the batches still
 * spread over the workers of a distributed runner.
 */
public final class ReadModules extends PTransform<PBegin, PCollection<KV<String, PackedModules>>> {
  /** Files per batch: enough to amortise an element, small enough to spread a kernel over workers. */
  static final int BATCH_SIZE = 256;

  private final List<List<ModuleFile>> batches;

  private ReadModules(List<List<ModuleFile>> batches) {
    this.batches = batches;
  }

  /** The files, in discovery order; each batch holds files of one kernel. */
  public static ReadModules of(List<ModuleFile> files) {
    Map<String, List<List<ModuleFile>>> perKernel = new LinkedHashMap<>();
    for (ModuleFile f : files) {
      List<List<ModuleFile>> kernel = perKernel.computeIfAbsent(f.getKernel(), k -> new ArrayList<>());
      if (kernel.isEmpty() || kernel.get(kernel.size() - 1).size() == BATCH_SIZE) kernel.add(new ArrayList<>());
      kernel.get(kernel.size() - 1).add(f);
    }
    // Round robin over the kernels: runners split the batches into contiguous ranges, and one
    // range holding all of a compressed kernel would keep one worker busy long after the others.
    List<List<ModuleFile>> batches = new ArrayList<>();
    int rounds = perKernel.values().stream().mapToInt(List::size).max().orElse(0);
    for (int i = 0; i < rounds; i++) {
      for (List<List<ModuleFile>> kernel : perKernel.values()) if (i < kernel.size()) batches.add(kernel.get(i));
    }
    return new ReadModules(batches);
  }

  /** Module records of a kernel, as they travel: keyed by kernel, in batches. */
  public static KvCoder<String, PackedModules> batchCoder() {
    return KvCoder.of(StringUtf8Coder.of(), PackedModules.coder());
  }

  /** The records of the batches one by one, for outputs that want them so. */
  public static PTransform<PCollection<KV<String, PackedModules>>, PCollection<ModuleRecord>> unbatched() {
    return new PTransform<>() {
      @Override
      public PCollection<ModuleRecord> expand(PCollection<KV<String, PackedModules>> batches) {
        return batches
            .apply("Records", FlatMapElements.into(TypeDescriptor.of(ModuleRecord.class)).via(b -> b.getValue().records()))
            .setCoder(AvroCoder.specific(ModuleRecord.class));
      }
    };
  }

  @Override
  public PCollection<KV<String, PackedModules>> expand(PBegin begin) {
    return begin
        .apply("FileBatches", Create.of(batches).withCoder(ListCoder.of(AvroCoder.specific(ModuleFile.class))))
        .apply("ReadBatch", ParDo.of(new ReadBatchFn()))
        .setCoder(batchCoder());
  }

  static final class ReadBatchFn extends DoFn<List<ModuleFile>, KV<String, PackedModules>> {
    private final Counter modulesRead = Metrics.counter(ReadModules.class, "modulesRead");
    private final Counter modulesFromCache = Metrics.counter(ReadModules.class, "modulesFromCache");
    private transient ModuleCache cache;

    @StartBundle
    public void startBundle(StartBundleContext context) {
      XzOptions.bind(context.getPipelineOptions());
      cache = CacheOptions.bind(context.getPipelineOptions());
    }

    @ProcessElement
    public void process(@Element List<ModuleFile> batch, OutputReceiver<KV<String, PackedModules>> out)
        throws InterruptedIOException {
      List<ModuleRecord> records = new ArrayList<>(batch.size());
      // Counted here, on the DoFn's thread: Beam's metrics do not see the pool's threads.
      ParsePool.Ordered<ModuleCache.Lookup> parsing = ParsePool.ordered(got -> {
        records.add(got.record());
        modulesRead.inc();
        if (got.hit()) modulesFromCache.inc();
      });
      for (ModuleFile file : batch) parsing.submit(() -> read(file, cache));
      parsing.finish();
      String kernel = batch.get(0).getKernel();
      out.output(KV.of(kernel, PackedModules.of(kernel, records)));
    }
  }

  /** Reads one module; a file that cannot be opened becomes a record carrying depmod's message. */
  public static ModuleRecord read(ModuleFile file) {
    return read(file, null).record();
  }

  /** {@link #read(ModuleFile)} through a cache (null: none). */
  static ModuleCache.Lookup read(ModuleFile file, ModuleCache cache) {
    ModuleCache.Lookup got;
    try (ReadableByteChannel channel =
        FileSystems.open(FileSystems.matchNewResource(file.getLocation(), false))) {
      got = read(file.getPath(), channel, cache);
    } catch (IOException e) {
      got = new ModuleCache.Lookup(ModuleReader.unreadable(file.getPath(), Errno.strerror(e)), false);
    }
    got.record().setKernel(file.getKernel());
    got.record().setRelpath(file.getRelpath());
    return got;
  }

  /**
   * Seekable channels (local files) are read range by range, unless the cache wants the whole file
   * to hash it; others are read whole.
   */
  private static ModuleCache.Lookup read(String path, ReadableByteChannel channel, ModuleCache cache)
      throws IOException {
    if (channel instanceof SeekableByteChannel seekable && !looksUp(cache, seekable.size())) {
      return new ModuleCache.Lookup(ModuleReader.read(path, new ChannelSource(seekable)), false);
    }
    return read(path, Channels.newInputStream(channel).readAllBytes(), cache);
  }

  /** Reads one module from its stored bytes, through a cache (null: none). */
  static ModuleCache.Lookup read(String path, byte[] stored, ModuleCache cache) {
    if (!looksUp(cache, stored.length)) {
      return new ModuleCache.Lookup(ModuleReader.read(path, ByteBufferSource.of(stored)), false);
    }
    return cache.module(path, stored, () -> ModuleReader.read(path, ByteBufferSource.of(stored)));
  }

  /** Whether a file of this stored size goes through the cache (null: none). */
  private static boolean looksUp(ModuleCache cache, long storedSize) {
    return cache != null && storedSize <= ModuleCache.MAX_STORED_BYTES;
  }
}
