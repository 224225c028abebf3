package dev.beamdepmod.pipeline;

import static dev.beamdepmod.pipeline.FixtureCase.stderr;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import dev.beamdepmod.diagnostics.Console;
import dev.beamdepmod.schema.KernelReport;
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
    FixtureCase chain = new FixtureCase("chain");
    Path temp = tmp.newFolder("temp").toPath();
    Path out = tmp.getRoot().toPath().resolve("out");
    PipelineOptions options = PipelineOptionsFactory.create();
    options.setTempLocation(temp.toString());

    List<KernelReport> reports = DepmodJob.run(options, chain.moduleFiles("1.0"), List.of(chain.spec("1.0", out.toString())));

    assertEquals(1, reports.size());
    KernelReport r = reports.get(0);
    assertEquals(0, r.getExitCode());
    assertEquals(chain.expectedStderr(), stderr(Console.lines(r)));
    assertArrayEquals(chain.expectedFiles().get("modules.dep"), Files.readAllBytes(out.resolve("modules.dep")));
    try (Stream<Path> left = Files.list(temp)) {
      assertEquals(List.of(), left.toList());
    }
  }
}
