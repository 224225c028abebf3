package dev.beamdepmod.transforms;

import dev.beamdepmod.schema.ModuleBatch;
import dev.beamdepmod.schema.ModuleRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.DelegateCoder;

/**
 * A batch of one kernel's module records, serialized once (as an Avro {@code ModuleBatch}) where
 * it is read. The DirectRunner copies a key's grouped values through their coder each time a
 * bundle adds to them; as bytes, a kernel's records are copied, not decoded again and again.
 */
public final class PackedModules {
  private final byte[] bytes;

  private PackedModules(byte[] bytes) {
    this.bytes = bytes;
  }

  public static PackedModules of(String kernel, List<ModuleRecord> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    try {
      new SpecificDatumWriter<>(ModuleBatch.class).write(new ModuleBatch(kernel, records), encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PackedModules(out.toByteArray());
  }

  public List<ModuleRecord> records() {
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
    try {
      return new SpecificDatumReader<>(ModuleBatch.class).read(null, decoder).getModules();
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt module batch", e);
    }
  }

  public static Coder<PackedModules> coder() {
    return DelegateCoder.of(ByteArrayCoder.of(), p -> p.bytes, PackedModules::new);
  }
}
