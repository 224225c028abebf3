package dev.beamdepmod.pipeline;

import static dev.beamdepmod.pipeline.FixtureCase.stderr;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import dev.beamdepmod.diagnostics.Console;
import dev.beamdepmod.schema.KernelReport;
import dev.beamdepmod.schema.ModuleFile;
import dev.beamdepmod.transforms.KernelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The whole depmod pipeline on fixture trees: per kernel, the oracle's files, messages and exit status. */
public class DepmodTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private static Map<String, KernelReport> byKernel(Iterable<KernelReport> reports) {
    Map<String, KernelReport> map = new HashMap<>();
    for (KernelReport r : reports) assertEquals(null, map.put(r.getKernel(), r));
    return map;
  }

  /** The directory holds exactly the files the oracle wrote for the case, byte for byte. */
  private static void assertOracleFiles(FixtureCase c, Path dir) throws IOException {
    Map<String, byte[]> got = new TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path f : (Iterable<Path>) list::iterator) got.put(f.getFileName().toString(), Files.readAllBytes(f));
    }
    Map<String, byte[]> want = c.expectedFiles();
    assertEquals(want.keySet(), got.keySet());
    for (String name : want.keySet()) assertArrayEquals(c.name() + " " + name, want.get(name), got.get(name));
  }

  @Test
  public void kernelsInOnePipelineKeepTheirOutputsApart() throws IOException {
    FixtureCase chain = new FixtureCase("chain");
    FixtureCase basic = new FixtureCase("basic");
    FixtureCase empty = new FixtureCase("empty-tree");
    Path root = tmp.getRoot().toPath();
    List<ModuleFile> files = new ArrayList<>(chain.moduleFiles("chain"));
    files.addAll(basic.moduleFiles("basic"));
    List<KernelSpec> kernels = List.of(
        chain.spec("chain", root.resolve("chain").toString()),
        basic.spec("basic", root.resolve("basic").toString()),
        empty.spec("empty", root.resolve("empty").toString()));
    PCollection<KernelReport> reports = p.apply(Depmod.builder().trees(kernels, files).build());
    String chainStderr = chain.expectedStderr();
    String basicStderr = basic.expectedStderr();
    String emptyStderr = empty.expectedStderr();
    PAssert.that(reports).satisfies(all -> {
      Map<String, KernelReport> r = byKernel(all);
      assertEquals(3, r.size());
      assertEquals(chainStderr, stderr(Console.lines(r.get("chain"))));
      assertEquals(basicStderr, stderr(Console.lines(r.get("basic"))));
      assertEquals(emptyStderr, stderr(Console.lines(r.get("empty"))));
      assertEquals(3, r.get("chain").getModules());
      assertEquals(11, r.get("basic").getModules());
      assertEquals(0, r.get("empty").getModules());
      for (KernelReport k : all) {
        assertEquals(0, k.getExitCode());
        assertEquals(11, k.getFilesWritten().size());
      }
      return null;
    });
    p.run().waitUntilFinish();
    assertOracleFiles(chain, root.resolve("chain"));
    assertOracleFiles(basic, root.resolve("basic"));
    assertOracleFiles(empty, root.resolve("empty"));
  }

  @Test
  public void aModuleThatCannotBeOpenedIsReportedAndTheRestIsWritten() throws IOException {
    FixtureCase chain = new FixtureCase("chain");
    String gone = chain.dirname() + "/kernel/gone.ko";
    List<ModuleFile> files = new ArrayList<>(chain.moduleFiles("1.0"));
    files.add(new ModuleFile("1.0", tmp.getRoot().toPath().resolve("gone.ko").toString(), gone, "kernel/gone.ko"));
    Path out = tmp.getRoot().toPath().resolve("out");
    PAssert.thatSingleton(p.apply(Depmod.builder().trees(List.of(chain.spec("1.0", out.toString())), files).build()))
        .satisfies(r -> {
          assertEquals(0, r.getExitCode());
          assertThat(Console.lines(r),
              hasItem("depmod: ERROR: failed to load symbols from " + gone + ": No such file or directory"));
          assertEquals(4, r.getModules());
          assertEquals(1, r.getUnreadableModules());
          return null;
        });
    p.run().waitUntilFinish();
    assertThat(Files.readAllLines(out.resolve("modules.dep")), hasItem("kernel/gone.ko:"));
  }
}
