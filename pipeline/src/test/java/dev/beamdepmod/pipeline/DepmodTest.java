package dev.beamdepmod.pipeline;

import static dev.beamdepmod.transforms.FixtureTrees.stderr;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import dev.beamdepmod.diagnostics.Console;
import dev.beamdepmod.schema.KernelReport;
import dev.beamdepmod.schema.ModuleFile;
import dev.beamdepmod.transforms.FixtureTrees;
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
  private static void assertOracleFiles(String c, Path dir) throws IOException {
    Map<String, byte[]> got = new TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path f : (Iterable<Path>) list::iterator) got.put(f.getFileName().toString(), Files.readAllBytes(f));
    }
    Map<String, byte[]> want = FixtureTrees.expectedFiles(c);
    assertEquals(want.keySet(), got.keySet());
    for (String name : want.keySet()) assertArrayEquals(c + " " + name, want.get(name), got.get(name));
  }

  @Test
  public void kernelsInOnePipelineKeepTheirOutputsApart() throws IOException {
    String chain = "chain";
    String basic = "basic";
    String empty = "empty-tree";
    Path root = tmp.getRoot().toPath();
    List<ModuleFile> files = new ArrayList<>(FixtureTrees.moduleFiles(chain, "chain"));
    files.addAll(FixtureTrees.moduleFiles(basic, "basic"));
    List<KernelSpec> kernels = List.of(
        FixtureTrees.spec(chain, "chain", root.resolve("chain").toString(), false),
        FixtureTrees.spec(basic, "basic", root.resolve("basic").toString(), false),
        FixtureTrees.spec(empty, "empty", root.resolve("empty").toString(), false));
    PCollection<KernelReport> reports = p.apply(Depmod.builder().trees(kernels, files).build());
    String chainStderr = FixtureTrees.expectedStderr(chain);
    String basicStderr = FixtureTrees.expectedStderr(basic);
    String emptyStderr = FixtureTrees.expectedStderr(empty);
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
    String chain = "chain";
    String gone = FixtureTrees.dirname(chain) + "/kernel/gone.ko";
    List<ModuleFile> files = new ArrayList<>(FixtureTrees.moduleFiles(chain, "1.0"));
    files.add(new ModuleFile("1.0", tmp.getRoot().toPath().resolve("gone.ko").toString(), gone, "kernel/gone.ko"));
    Path out = tmp.getRoot().toPath().resolve("out");
    PAssert.thatSingleton(p.apply(Depmod.builder().trees(List.of(FixtureTrees.spec(chain, "1.0", out.toString(), false)), files).build()))
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
