package dev.beamdepmod.transforms;

import dev.beamdepmod.module.Errno;
import dev.beamdepmod.module.ByteBufferSource;
import dev.beamdepmod.module.ChannelSource;
import dev.beamdepmod.module.ModuleReader;
import dev.beamdepmod.module.ModuleSource;
import dev.beamdepmod.schema.ModuleFile;
import dev.beamdepmod.schema.ModuleRecord;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Reads every module file into a compact record, one output per module. The files are first
 * spread over a fixed number of shards so that every worker thread gets a share of the parsing
 * (a key per module would cost the DirectRunner ~4 ms per key, a single bundle would use one core).
 */
public final class ReadModules extends PTransform<PCollection<ModuleFile>, PCollection<ModuleRecord>> {
  private final int shards;

  public ReadModules(int shards) {
    this.shards = shards;
  }

  @Override
  public PCollection<ModuleRecord> expand(PCollection<ModuleFile> files) {
    int n = shards;
    return files
        .apply("AssignShard",
            WithKeys.of((ModuleFile f) -> Math.floorMod(f.getLocation().hashCode(), n))
                .withKeyType(TypeDescriptors.integers()))
        .setCoder(KvCoder.of(VarIntCoder.of(), AvroCoder.specific(ModuleFile.class)))
        .apply("GroupShards", GroupByKey.create())
        .apply("Shards", Values.create())
        .apply("ReadModule", ParDo.of(new ReadShardFn()))
        .setCoder(AvroCoder.specific(ModuleRecord.class));
  }

  static final class ReadShardFn extends DoFn<Iterable<ModuleFile>, ModuleRecord> {
    private final Counter modulesRead = Metrics.counter(ReadModules.class, "modulesRead");

    @ProcessElement
    public void process(@Element Iterable<ModuleFile> shard, OutputReceiver<ModuleRecord> out) {
      for (ModuleFile file : shard) {
        out.output(read(file));
        modulesRead.inc();
      }
    }
  }

  /** Reads one module; a file that cannot be opened becomes a record carrying depmod's message. */
  public static ModuleRecord read(ModuleFile file) {
    ModuleRecord record;
    try (ReadableByteChannel channel =
        FileSystems.open(FileSystems.matchNewResource(file.getLocation(), false))) {
      record = ModuleReader.read(file.getPath(), sourceOf(channel));
    } catch (IOException e) {
      record = ModuleReader.unreadable(file.getPath(), Errno.strerror(e));
    }
    record.setKernel(file.getKernel());
    record.setRelpath(file.getRelpath());
    return record;
  }

  /** Seekable channels (local files) are read range by range; others are read whole. */
  private static ModuleSource sourceOf(ReadableByteChannel channel) throws IOException {
    if (channel instanceof SeekableByteChannel seekable) return new ChannelSource(seekable);
    return ByteBufferSource.of(Channels.newInputStream(channel).readAllBytes());
  }
}
