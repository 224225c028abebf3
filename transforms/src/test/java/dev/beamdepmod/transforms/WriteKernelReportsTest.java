package dev.beamdepmod.transforms;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.Assert.assertEquals;

import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.schema.KernelReport;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Reports written by the pipeline come back whole through readAll, one file per kernel. */
public class WriteKernelReportsTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private static KernelReport report(String kernel, int exit, List<DepmodMessage> stderr, String stdout, List<String> files) {
    return KernelReport.newBuilder()
        .setKernel(kernel)
        .setExitCode(exit)
        .setStderr(stderr.stream().map(DepmodMessage::diagnostic).toList())
        .setStdout(ByteBuffer.wrap(stdout.getBytes(ISO_8859_1)))
        .setModules(3)
        .setExports(2)
        .setUnresolved(1)
        .setCycleModules(0)
        .setUnreadableModules(1)
        .setFilesWritten(files)
        .build();
  }

  @Test
  public void everyKernelsReportIsReadBack() throws IOException {
    // Kernel keys may hold any byte, including '/' and bytes >= 0x80.
    KernelReport a = report("6.1.0-50-amd64", 0,
        List.of(DepmodMessage.warning("could not open modules.builtin at /x: No such file or directory")),
        "", List.of("modules.dep", "modules.dep.bin"));
    KernelReport b = report("../odd/\u00ff\n", 1,
        List.of(DepmodMessage.error("Cycle detected: a -> b -> a"), DepmodMessage.error("Found 2 modules in dependency cycles!"),
            DepmodMessage.beamDepmodError("kernel ../odd/ not written: a package failed")),
        "kernel/a.ko: kernel/b.ko\n\u00e9", List.of());
    String dir = tmp.getRoot().getPath();
    p.apply(Create.of(a, b).withCoder(AvroCoder.specific(KernelReport.class))).apply(new WriteKernelReports(dir));
    p.run().waitUntilFinish();

    assertThat(Arrays.asList(tmp.getRoot().list()), everyItem(matchesPattern("[0-9a-f]{32}\\.report\\.avro")));
    assertEquals(2, tmp.getRoot().list().length);
    assertThat(WriteKernelReports.readAll(dir), containsInAnyOrder(a, b));
  }

  @Test
  public void anEmptyDirectoryHasNoReports() throws IOException {
    File dir = tmp.newFolder("reports");
    assertThat(WriteKernelReports.readAll(dir.getPath()), empty());
  }
}
