package dev.beamdepmod.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;

/** Reads back the records a pipeline wrote as Avro files (AvroIO), through Beam FileSystems. */
public final class AvroRecords {
  private AvroRecords() {}

  /** Every record of every file matching the glob (none when nothing matches). */
  public static <T> List<T> readAll(String glob, Class<T> type) throws IOException {
    List<T> out = new ArrayList<>();
    MatchResult match = FileSystems.match(glob, EmptyMatchTreatment.ALLOW);
    for (MatchResult.Metadata m : match.metadata()) {
      try (InputStream in = Channels.newInputStream(FileSystems.open(m.resourceId()));
          DataFileStream<T> stream = new DataFileStream<>(in, new SpecificDatumReader<>(type))) {
        stream.forEach(out::add);
      }
    }
    return out;
  }
}
