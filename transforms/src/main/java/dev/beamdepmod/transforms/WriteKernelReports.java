package dev.beamdepmod.transforms;

import dev.beamdepmod.schema.KernelReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;

/**
 * Writes each kernel's report (messages, stdout, exit status, counts) as one Avro file into a
 * directory the launching process reads back after the pipeline finished, whatever the runner.
 */
public final class WriteKernelReports extends PTransform<PCollection<KernelReport>, PDone> {
  private final String directory;

  public WriteKernelReports(String directory) {
    this.directory = directory;
  }

  @Override
  public PDone expand(PCollection<KernelReport> reports) {
    reports.apply("WriteReport", ParDo.of(new WriteFn(directory)));
    return PDone.in(reports.getPipeline());
  }

  static final class WriteFn extends DoFn<KernelReport, Void> {
    private final String directory;

    WriteFn(String directory) {
      this.directory = directory;
    }

    @ProcessElement
    public void process(@Element KernelReport report) throws IOException {
      ResourceId file =
          FileSystems.matchNewResource(directory, true)
              .resolve(fileName(report.getKernel()), StandardResolveOptions.RESOLVE_FILE);
      try (OutputStream os = Channels.newOutputStream(FileSystems.create(file, "application/avro"));
          DataFileWriter<KernelReport> writer =
              new DataFileWriter<>(new SpecificDatumWriter<>(KernelReport.class))) {
        writer.create(KernelReport.getClassSchema(), os);
        writer.append(report);
      }
    }
  }

  /** Reads back every report written into {@code directory}. */
  public static List<KernelReport> readAll(String directory) throws IOException {
    List<KernelReport> reports = new ArrayList<>();
    String glob = FileSystems.matchNewResource(directory, true)
        .resolve("*.report.avro", StandardResolveOptions.RESOLVE_FILE).toString();
    MatchResult match = FileSystems.match(glob, org.apache.beam.sdk.io.fs.EmptyMatchTreatment.ALLOW);
    for (MatchResult.Metadata m : match.metadata()) {
      try (InputStream in = Channels.newInputStream(FileSystems.open(m.resourceId()));
          DataFileStream<KernelReport> stream =
              new DataFileStream<>(in, new SpecificDatumReader<>(KernelReport.class))) {
        stream.forEach(reports::add);
      }
    }
    return reports;
  }

  /** Kernel keys may hold any byte; a digest keeps file names safe and unique. */
  private static String fileName(String kernel) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(kernel.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16) + ".report.avro";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
