package dev.beamdepmod.transforms;

import static dev.beamdepmod.transforms.FixtureTrees.expectedFiles;
import static dev.beamdepmod.transforms.FixtureTrees.expectedStderr;
import static dev.beamdepmod.transforms.FixtureTrees.moduleFiles;
import static dev.beamdepmod.transforms.FixtureTrees.spec;
import static dev.beamdepmod.transforms.FixtureTrees.stderr;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.diagnostics.Console;
import dev.beamdepmod.resolve.DepmodResult;
import dev.beamdepmod.schema.KernelReport;
import dev.beamdepmod.schema.ModuleFile;
import dev.beamdepmod.schema.ModuleRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * WriteKernelOutputs is all-or-nothing (deviations.md "Output is all-or-nothing per kernel"): a
 * success replaces every file, a failure changes none, and no temporary file ever remains.
 * Failure messages are the oracle's for the same situations (kmod's temporary names differ).
 */
public class WriteKernelOutputsTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private static final String WARNING = "depmod: WARNING: a message printed before writing";

  /** The chain case's output files under a kernel whose resolution printed one warning. */
  private static DepmodResult chainResult() {
    LinkedHashMap<String, byte[]> files = new LinkedHashMap<>(expectedFiles("chain"));
    Console console = new Console(0);
    console.accept(DepmodMessage.warning("a message printed before writing"));
    console.print("out\n");
    return new DepmodResult(console, files, new DepmodResult.Stats(3, 3, 0, 0, 0));
  }

  private PCollection<KernelReport> write(String outputDir, DepmodResult result) {
    KernelResolution resolution = new KernelResolution(spec("chain", "1.0", outputDir, false), result, null);
    return p.apply(Create.of(resolution).withCoder(KernelRecords.resolutionCoder()))
        .apply(new WriteKernelOutputs());
  }

  /** Every entry of a directory (files and directories), with the bytes of the files. */
  private static Map<String, String> contents(Path dir) throws IOException {
    Map<String, String> map = new TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path f : (Iterable<Path>) list::iterator) {
        map.put(f.getFileName().toString(),
            Files.isDirectory(f) ? "<dir>" : new String(Files.readAllBytes(f), ISO_8859_1));
      }
    }
    return map;
  }

  /** An output directory holding an old version of every output file and a file depmod does not write. */
  private Path previousOutputs() throws IOException {
    Path dir = tmp.newFolder("out", "lib", "modules", "1.0").toPath();
    for (String name : expectedFiles("chain").keySet()) Files.writeString(dir.resolve(name), "old " + name + "\n");
    Files.writeString(dir.resolve("modules.stale"), "stale\n");
    return dir;
  }

  /**
   * The report of a failed write: the result's messages, then the failure (a regular expression:
   * temporary file names are random); exit 1; nothing written.
   */
  private static void assertFailed(PCollection<KernelReport> report, String failure) {
    PAssert.thatSingleton(report).satisfies(r -> {
      assertEquals(1, r.getExitCode());
      List<String> stderr = Console.lines(r);
      assertEquals(2, stderr.size());
      assertEquals(WARNING, stderr.get(0));
      assertTrue(stderr.get(1), stderr.get(1).matches(failure));
      assertThat(r.getFilesWritten(), empty());
      assertEquals(3, r.getModules());
      return null;
    });
  }

  @Test
  public void aSuccessfulWriteReplacesEveryFileAndLeavesNoTemporaryFile() throws IOException {
    Path dir = previousOutputs();
    List<ModuleRecord> records = new ArrayList<>();
    for (ModuleFile f : moduleFiles("chain", "1.0")) records.add(ReadModules.read(f));
    PCollection<KernelReport> report = p.apply(Create.of(KV.of("1.0", PackedModules.of("1.0", records))).withCoder(ReadModules.batchCoder()))
        .apply(ResolveKernels.forKernels(List.of(spec("chain", "1.0", dir.toString(), false))))
        .apply(new WriteKernelOutputs());
    List<String> written = List.of("modules.dep", "modules.dep.bin", "modules.alias", "modules.alias.bin",
        "modules.softdep", "modules.weakdep", "modules.symbols", "modules.symbols.bin", "modules.builtin.bin",
        "modules.builtin.alias.bin", "modules.devname");
    PAssert.thatSingleton(report).satisfies(r -> {
      assertEquals("1.0", r.getKernel());
      assertEquals(0, r.getExitCode());
      assertEquals(expectedStderr("chain"), stderr(Console.lines(r)));
      assertEquals(written, r.getFilesWritten());
      assertEquals(3, r.getModules());
      assertEquals(0, r.getUnreadableModules());
      return null;
    });
    p.run().waitUntilFinish();

    Map<String, byte[]> expected = expectedFiles("chain");
    Map<String, String> after = contents(dir);
    assertEquals(expected.size() + 1, after.size());
    assertEquals("stale\n", after.get("modules.stale"));
    for (String name : expected.keySet()) assertArrayEquals(name, expected.get(name), Files.readAllBytes(dir.resolve(name)));
  }

  @Test
  public void theOutputDirectoryIsCreatedWithItsParents() throws IOException {
    Path dir = tmp.getRoot().toPath().resolve("new/lib/modules/1.0");
    PAssert.thatSingleton(write(dir.toString(), chainResult())).satisfies(r -> {
      assertEquals(0, r.getExitCode());
      assertEquals(List.of(WARNING), Console.lines(r));
      assertEquals("out\n", ISO_8859_1.decode(r.getStdout().duplicate()).toString());
      assertEquals(11, r.getFilesWritten().size());
      return null;
    });
    p.run().waitUntilFinish();
    Map<String, byte[]> expected = expectedFiles("chain");
    assertEquals(expected.keySet(), contents(dir).keySet());
    for (String name : expected.keySet()) assertArrayEquals(name, expected.get(name), Files.readAllBytes(dir.resolve(name)));
  }

  @Test
  public void aDirectoryWhereAnOutputFileGoesChangesNothing() throws IOException {
    Path dir = previousOutputs();
    Files.delete(dir.resolve("modules.symbols"));
    Files.createDirectory(dir.resolve("modules.symbols"));
    Map<String, String> before = contents(dir);
    String d = dir.toString();
    assertFailed(write(d, chainResult()), Pattern.quote("depmod: FATAL: renameat(" + d + ", modules.symbols.")
        + "[-0-9a-f]+\\.tmp" + Pattern.quote(", " + d + ", modules.symbols): Is a directory"));
    p.run().waitUntilFinish();
    assertEquals(before, contents(dir));
  }

  /** Without the local launcher's preparation (LocalOutputDirectory in jobs), as on any file system. */
  @Test
  public void anOutputDirectoryThatIsARegularFileChangesNothing() throws IOException {
    Path parent = tmp.newFolder("out", "lib", "modules").toPath();
    Path dir = parent.resolve("1.0");
    Files.writeString(dir, "a file\n");
    assertFailed(write(dir.toString(), chainResult()),
        Pattern.quote("depmod: ERROR: openat(" + dir + ", ") + "modules\\.[a-z.]+\\.[-0-9a-f]+\\.tmp"
            + Pattern.quote(", 301, 644): Not a directory"));
    p.run().waitUntilFinish();
    assertEquals(Map.of("1.0", "a file\n"), contents(parent));
  }

  @Test
  public void aResultWithoutFilesWritesNothing() throws IOException {
    Path dir = tmp.getRoot().toPath().resolve("never");
    Console console = new Console(0);
    console.accept(DepmodMessage.error("Found 2 modules in dependency cycles!"));
    console.fail();
    DepmodResult cycle = new DepmodResult(console, new LinkedHashMap<>(), new DepmodResult.Stats(2, 2, 0, 2, 0));
    PAssert.thatSingleton(write(dir.toString(), cycle)).satisfies(r -> {
      assertEquals(1, r.getExitCode());
      assertEquals(List.of("depmod: ERROR: Found 2 modules in dependency cycles!"), Console.lines(r));
      assertThat(r.getFilesWritten(), empty());
      assertEquals(2, r.getCycleModules());
      return null;
    });
    p.run().waitUntilFinish();
    assertFalse(Files.exists(dir));
    assertTrue(contents(tmp.getRoot().toPath()).isEmpty());
  }
}
