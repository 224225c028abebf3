package dev.beamdepmod.pipeline;

import static dev.beamdepmod.transforms.FixtureTrees.stderr;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import dev.beamdepmod.diagnostics.Console;
import dev.beamdepmod.schema.KernelReport;
import dev.beamdepmod.transforms.FixtureTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** DepmodJob runs the pipeline and hands the reports back, leaving nothing in the temp location. */
public class DepmodJobTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void reportsComeBackAndLeaveNothingInTheTempLocation() throws IOException {
    String chain = "chain";
    Path temp = tmp.newFolder("temp").toPath();
    Path out = tmp.getRoot().toPath().resolve("out");
    PipelineOptions options = PipelineOptionsFactory.create();
    options.setTempLocation(temp.toString());

    List<KernelReport> reports = DepmodJob.run(options, FixtureTrees.moduleFiles(chain, "1.0"), List.of(FixtureTrees.spec(chain, "1.0", out.toString(), false)));

    assertEquals(1, reports.size());
    KernelReport r = reports.get(0);
    assertEquals(0, r.getExitCode());
    assertEquals(FixtureTrees.expectedStderr(chain), stderr(Console.lines(r)));
    assertArrayEquals(FixtureTrees.expectedFiles(chain).get("modules.dep"), Files.readAllBytes(out.resolve("modules.dep")));
    try (Stream<Path> left = Files.list(temp)) {
      assertEquals(List.of(), left.toList());
    }
  }
}
