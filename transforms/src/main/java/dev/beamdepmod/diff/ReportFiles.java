package dev.beamdepmod.diff;

import dev.beamdepmod.schema.Change;
import dev.beamdepmod.schema.Lifetime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The files of a diff's --output directory: report.md, report.json, report.html, changes.avro
 * (Change records of every step) and, in series mode, lifetimes.avro (Lifetime records).
 */
public final class ReportFiles {
  public static final String MARKDOWN = "report.md";
  public static final String JSON = "report.json";
  public static final String HTML = "report.html";
  public static final String CHANGES = "changes.avro";
  public static final String LIFETIMES = "lifetimes.avro";

  private ReportFiles() {}

  /** File name -> content, for writing through any file system. */
  public static Map<String, byte[]> render(SeriesReport report) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(MARKDOWN, MarkdownReport.render(report).getBytes(StandardCharsets.UTF_8));
    files.put(JSON, JsonReport.render(report).getBytes(StandardCharsets.UTF_8));
    files.put(HTML, HtmlReport.render(report).getBytes(StandardCharsets.UTF_8));
    files.put(CHANGES, avro(report.changes(), Change.getClassSchema()));
    if (report.hasLifetimes()) {
      files.put(LIFETIMES, avro(report.lifetimes(), Lifetime.getClassSchema()));
    }
    return files;
  }

  private static <T> byte[] avro(List<T> records, Schema schema) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      AvroFiles.write(schema, records, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
