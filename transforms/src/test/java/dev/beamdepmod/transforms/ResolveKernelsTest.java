package dev.beamdepmod.transforms;

import static dev.beamdepmod.transforms.FixtureTrees.expectedExit;
import static dev.beamdepmod.transforms.FixtureTrees.expectedFiles;
import static dev.beamdepmod.transforms.FixtureTrees.expectedStderr;
import static dev.beamdepmod.transforms.FixtureTrees.expectedText;
import static dev.beamdepmod.transforms.FixtureTrees.moduleFiles;
import static dev.beamdepmod.transforms.FixtureTrees.spec;
import static dev.beamdepmod.transforms.FixtureTrees.stderr;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.beamdepmod.resolve.DepmodResult;
import dev.beamdepmod.schema.ModuleFile;
import dev.beamdepmod.schema.ModuleRecord;
import dev.beamdepmod.schema.PackageFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Rule;
import org.junit.Test;

/** ResolveKernels on records of fixture trees: per kernel, the oracle's output files and messages. */
public class ResolveKernelsTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  /** The records of the cases' modules, each case under its own kernel key. */
  private PCollection<KV<String, PackedModules>> records(String... caseAndKernel) {
    List<KV<String, PackedModules>> batches = new ArrayList<>();
    for (int i = 0; i < caseAndKernel.length; i += 2) {
      List<ModuleRecord> records = new ArrayList<>();
      for (ModuleFile f : moduleFiles(caseAndKernel[i], caseAndKernel[i + 1])) records.add(ReadModules.read(f));
      batches.add(KV.of(caseAndKernel[i + 1], PackedModules.of(caseAndKernel[i + 1], records)));
    }
    return p.apply("Records", Create.of(batches).withCoder(ReadModules.batchCoder()));
  }

  private static Map<String, DepmodResult> byKernel(Iterable<KernelResolution> resolutions) {
    Map<String, DepmodResult> map = new HashMap<>();
    for (KernelResolution r : resolutions) assertEquals(null, map.put(r.spec().kernel(), r.result()));
    return map;
  }

  /** The result is what the oracle printed and wrote for the case. */
  private static void assertOracleResult(String name, DepmodResult result) {
    assertEquals(expectedExit(name), result.console().exitStatus());
    assertEquals(expectedStderr(name), stderr(result.console().lines()));
    assertEquals(expectedText(name, "stdout"), new String(result.console().stdout(), ISO_8859_1));
    Map<String, byte[]> want = expectedFiles(name);
    assertEquals(want.keySet(), result.files().keySet());
    for (String file : want.keySet()) assertArrayEquals(name + " " + file, want.get(file), result.files().get(file));
  }

  @Test
  public void aTreeResolvesToTheOraclesFiles() {
    PCollection<KernelResolution> out = records("chain", "1.0")
        .apply(ResolveKernels.forKernels(List.of(spec("chain", "1.0", "/unused", false))));
    PAssert.thatSingleton(out).satisfies(r -> {
      assertEquals("1.0", r.spec().kernel());
      assertArrayEquals(
          ("kernel/fx_chain_a.ko: kernel/sub/fx_chain_b.ko kernel/sub/deeper/fx_chain_c.ko\n"
              + "kernel/sub/fx_chain_b.ko: kernel/sub/deeper/fx_chain_c.ko\n"
              + "kernel/sub/deeper/fx_chain_c.ko:\n").getBytes(ISO_8859_1),
          r.result().files().get("modules.dep"));
      assertOracleResult("chain", r.result());
      return null;
    });
    p.run().waitUntilFinish();
  }

  @Test
  public void twoKernelsInOnePipelineKeepTheirModulesApart() {
    PCollection<KernelResolution> out = records("chain", "a", "basic", "b")
        .apply(ResolveKernels.forKernels(List.of(spec("chain", "a", "/unused", false), spec("basic", "b", "/unused", false))));
    PAssert.that(out).satisfies(all -> {
      Map<String, DepmodResult> r = byKernel(all);
      assertEquals(2, r.size());
      assertOracleResult("chain", r.get("a"));
      assertOracleResult("basic", r.get("b"));
      return null;
    });
    p.run().waitUntilFinish();
  }

  @Test
  public void aKernelWithoutModulesStillGetsItsOutputs() {
    PCollection<KV<String, PackedModules>> none = p.apply(Create.empty(ReadModules.batchCoder()));
    PCollection<KernelResolution> out =
        none.apply(ResolveKernels.forKernels(List.of(spec("empty-tree", "1.0", "/unused", false))));
    PAssert.thatSingleton(out).satisfies(r -> {
      assertOracleResult("empty-tree", r.result());
      assertEquals(0, r.result().stats().modules());
      return null;
    });
    p.run().waitUntilFinish();
  }

  /** A kernel that a failed package held part of is not resolved: one message per failure, exit 1, no file. */
  @Test
  public void aKernelWithAPackageFailureIsNotWritten() {
    PCollection<KV<String, PackageFailure>> failures = p.apply("Failures", Create.of(
            KV.of("1.0", new PackageFailure("1.0", "/p/a.deb: truncated")),
            KV.of("1.0", new PackageFailure("1.0", "/p/b.deb: truncated")))
        .withCoder(ResolveKernels.failureCoder()));
    PCollection<KernelResolution> out = ResolveKernels.inputs(
            ResolveKernels.specs(p.begin(), List.of(spec("chain", "1.0", "/unused", false), spec("basic", "2.0", "/unused", false))),
            records("chain", "1.0", "basic", "2.0"), null, failures)
        .apply(new ResolveKernels());
    PAssert.that(out).satisfies(all -> {
      Map<String, DepmodResult> r = byKernel(all);
      assertThat(r.get("1.0").console().lines(), containsInAnyOrder(
          "beam-depmod: ERROR: kernel 1.0 not written: /p/a.deb: truncated",
          "beam-depmod: ERROR: kernel 1.0 not written: /p/b.deb: truncated"));
      assertEquals(1, r.get("1.0").console().exitStatus());
      assertTrue(r.get("1.0").files().isEmpty());
      assertOracleResult("basic", r.get("2.0"));
      return null;
    });
    p.run().waitUntilFinish();
  }

  @Test
  public void dryRunPutsTheTextOutputsOnStdoutAndProducesNoFiles() {
    PCollection<KernelResolution> out = records("dry-run", "1.0")
        .apply(ResolveKernels.forKernels(List.of(spec("dry-run", "1.0", "/unused", true))));
    PAssert.thatSingleton(out).satisfies(r -> {
      assertOracleResult("dry-run", r.result());
      assertTrue(r.result().files().isEmpty());
      return null;
    });
    p.run().waitUntilFinish();
  }
}
