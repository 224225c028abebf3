package dev.beamdepmod.diff;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Avro container files with the same bytes for the same records: the sync marker, random by
 * default, is derived from the schema, so reports and snapshots are reproducible (and two runs, on
 * any runner, can be compared byte for byte).
 */
public final class AvroFiles {
  private AvroFiles() {}

  public static <T> void write(Schema schema, List<T> records, OutputStream out) throws IOException {
    try (DataFileWriter<T> writer = new DataFileWriter<>(new SpecificDatumWriter<>(schema))) {
      writer.setCodec(CodecFactory.deflateCodec(6));
      writer.create(schema, out, sync(schema));
      for (T r : records) writer.append(r);
    }
  }

  private static byte[] sync(Schema schema) {
    long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
    return ByteBuffer.allocate(16).putLong(fingerprint).putLong(~fingerprint).array();
  }
}
