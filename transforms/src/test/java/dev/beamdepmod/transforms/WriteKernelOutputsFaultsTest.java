package dev.beamdepmod.transforms;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.beamdepmod.diagnostics.Console;
import dev.beamdepmod.resolve.DepmodResult;
import dev.beamdepmod.schema.KernelReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The write of a kernel's files when the output directory is hostile: nothing half-done, depmod's messages. */
public class WriteKernelOutputsFaultsTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private static final DepmodResult RESULT = result("modules.dep", "new dep\n", "modules.dep.bin", "new bin");

  private static DepmodResult result(String... nameAndContent) {
    LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < nameAndContent.length; i += 2) {
      files.put(nameAndContent[i], nameAndContent[i + 1].getBytes(ISO_8859_1));
    }
    return new DepmodResult(new Console(0), files, new DepmodResult.Stats(0, 0, 0, 0, 0));
  }

  private KernelReport write(Path dir, DepmodResult result) {
    return WriteKernelOutputs.write(KernelSpec.discovered("k", "/in", "/in", dir.toString(), "/out/1.0", FixtureTrees.settings(false), new Console(0)), result, null);
  }

  /** Every file in dir with its content. */
  private static TreeMap<String, String> listing(Path dir) throws IOException {
    TreeMap<String, String> files = new TreeMap<>();
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p : entries.toList()) {
        files.put(p.getFileName().toString(), Files.isDirectory(p) ? "<dir>" : Files.readString(p, ISO_8859_1));
      }
    }
    return files;
  }

  @Test
  public void writesEveryFileAndLeavesNothingElse() throws IOException {
    Path dir = tmp.getRoot().toPath().resolve("lib/modules/1.0");
    KernelReport report = write(dir, RESULT);
    assertEquals(0, report.getExitCode());
    assertEquals(new TreeMap<>(Map.of("modules.dep", "new dep\n", "modules.dep.bin", "new bin")), listing(dir));
  }

  @Test
  public void directoryInTheWayChangesNothingAndNamesTheRename() throws IOException {
    Path dir = tmp.newFolder("out").toPath();
    Files.writeString(dir.resolve("modules.dep"), "old dep\n");
    Files.createDirectory(dir.resolve("modules.dep.bin"));
    KernelReport report = write(dir, RESULT);
    assertEquals(1, report.getExitCode());
    assertThat(Console.lines(report).get(0), matchesPattern(
        "depmod: FATAL: renameat\\(/out/1.0, modules.dep.bin.[0-9a-f-]{36}.tmp, /out/1.0, modules.dep.bin\\): Is a directory"));
    assertEquals(new TreeMap<>(Map.of("modules.dep", "old dep\n", "modules.dep.bin", "<dir>")), listing(dir));
  }

  @Test
  public void onlyTheWritersTemporaryNamesOfItsOwnFilesAreTemporaryFiles() {
    String uuid = UUID.randomUUID().toString();
    for (String name : List.of("modules.dep", "modules.builtin.alias.bin", "snapshot.avro")) {
      assertTrue(name, WriteKernelOutputs.isTemporaryFile(name + "." + uuid + ".tmp"));
    }
    // Another name, another pattern, kmod's own temporary file.
    for (String name : List.of("notes." + uuid + ".tmp", "modules.dep.tmp", "modules.dep.15443.469536.1795316046",
        "modules.dep." + uuid.toUpperCase() + ".tmp", "modules.dep." + uuid)) {
      assertFalse(name, WriteKernelOutputs.isTemporaryFile(name));
    }
  }
}
