package dev.beamdepmod.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.beamdepmod.check.Candidate;
import dev.beamdepmod.check.KernelTable;
import dev.beamdepmod.schema.CheckResult;
import dev.beamdepmod.schema.ModuleRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;

/** The check pipeline: one result per (kernel, module) pair, each checked against its own kernel. */
public class CheckTest {
  private static final Path MODULES = Path.of("../fixtures/modules");

  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final transient org.junit.rules.TemporaryFolder temp = new org.junit.rules.TemporaryFolder();

  private static Candidate fixture(String file) {
    try {
      return Candidate.read(file, "/x/" + file, Files.readAllBytes(MODULES.resolve(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static KernelTable kernel(String release, String... modules) {
    List<ModuleRecord> records = new ArrayList<>();
    for (String m : modules) {
      records.add(ModuleRecord.newBuilder(fixture(m).record()).setRelpath("kernel/" + m)
          .setPath("/lib/modules/" + release + "/kernel/" + m).build());
    }
    try {
      return KernelTable.of(release, records, Files.readAllBytes(MODULES.resolve("kernel.symvers")), null,
          fixture("fx_core.ko").elf());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  public void everyPairOnceAgainstItsKernel() {
    List<KernelTable> kernels = List.of(kernel("with-core", "fx_core.ko"), kernel("without-core", "fx_chain_c.ko"));
    List<Candidate> modules = List.of(fixture("fx-user.ko"), fixture("fx_chain_b.ko"));
    PCollection<String> verdicts = p.apply(new Check(kernels, modules))
        .apply(MapElements.into(TypeDescriptors.strings())
            .via(r -> r.getModule() + "@" + r.getKernel() + "=" + r.getLoads() + r.getUnknownSymbols()));
    PAssert.that(verdicts).containsInAnyOrder(
        "fx_user@with-core=true[]",
        "fx_user@without-core=false[fx_core_fn, fx_core_gpl_fn, fx_core_ns_fn]",
        "fx_chain_b@with-core=false[fx_chain_c_fn]",
        "fx_chain_b@without-core=true[]");
    p.run().waitUntilFinish();
  }

  @Test
  public void runReadsTheResultsBack() throws IOException {
    Path dir = temp.newFolder("results").toPath();
    List<CheckResult> got = Check.run(TestPipeline.testingPipelineOptions(), List.of(kernel("k", "fx_core.ko")),
        List.of(fixture("fx-user.ko"), fixture("fx_stale.ko")), dir.toString());
    assertEquals(2, got.size());
    for (CheckResult r : got) {
      if (r.getModule().equals("fx_user")) assertTrue(r.getLoads());
      else assertFalse(r.getLoads());
    }
  }
}
