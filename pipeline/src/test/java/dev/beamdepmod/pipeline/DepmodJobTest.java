package dev.beamdepmod.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.emptyArray;
import static org.junit.Assert.assertEquals;

import dev.beamdepmod.resolve.DepmodSettings;
import dev.beamdepmod.schema.KernelReport;
import dev.beamdepmod.transforms.KernelSpec;
import java.io.File;
import java.nio.file.Files;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class DepmodJobTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void reportsComeBackAndLeaveNothingInTheTempLocation() throws Exception {
    File input = temp.newFolder("input");
    Files.write(input.toPath().resolve("modules.order"), new byte[0]);
    File tempLocation = temp.newFolder("temp");
    PipelineOptions options = PipelineOptionsFactory.create();
    options.setTempLocation(tempLocation.getPath());
    DepmodSettings dryRun = new DepmodSettings((char) 0, 0, false, null, false, true);
    KernelSpec spec = new KernelSpec("k", "/in", input.getPath(), input.getPath(), "/in", dryRun);

    List<KernelReport> reports = DepmodJob.run(options, List.of(), List.of(spec));

    assertEquals(1, reports.size());
    assertEquals("k", reports.get(0).getKernel());
    assertEquals(0, reports.get(0).getExitCode());
    assertThat(tempLocation.list(), emptyArray());
  }
}
