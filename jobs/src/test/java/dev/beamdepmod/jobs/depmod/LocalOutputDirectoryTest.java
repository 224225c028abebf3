package dev.beamdepmod.jobs.depmod;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import dev.beamdepmod.config.DepmodMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The launcher's side of a local output directory: depmod's creation, the stale temporary files, the lock. */
public class LocalOutputDirectoryTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static String failure(Path dir) {
    try (LocalOutputDirectory out = LocalOutputDirectory.prepare(dir, "/out/1.0", m -> {})) {
      return out.failure().line();
    }
  }

  @Test
  public void theDirectoryIsCreatedAsDepmodCreatesIt() throws IOException {
    Path root = tmp.getRoot().toPath();
    Files.writeString(root.resolve("file"), "");
    Files.createSymbolicLink(root.resolve("dangling"), root.resolve("nowhere"));
    assertEquals("depmod: FATAL: could not create directory /out/1.0: Not a directory",
        failure(root.resolve("file/lib/modules/1.0")));
    // kmod 34.2 prints a stale errno value here: "No such file or directory" as a rule.
    assertEquals("depmod: FATAL: could not create directory /out/1.0: No such file or directory",
        failure(root.resolve("file")));
    assertEquals("depmod: FATAL: could not create directory /out/1.0: No such file or directory",
        failure(root.resolve("dangling/1.0")));
    assertEquals("depmod: FATAL: could not open directory /out/1.0: No such file or directory",
        failure(root.resolve("dangling")));
    assertEquals(List.of("dangling", "file"), names(root));
  }

  @Test
  public void directoriesCreatedHereAreRemovedAgainUnlessWrittenInto() throws IOException {
    Path root = tmp.getRoot().toPath();
    Path unused = root.resolve("a/lib/modules/1.0");
    try (LocalOutputDirectory out = LocalOutputDirectory.prepare(unused, "a/lib/modules/1.0", m -> {})) {
      assertNull(out.failure());
      assertTrue(Files.isDirectory(unused));
    }
    Path used = root.resolve("b/lib/modules/1.0");
    Files.createDirectory(root.resolve("b"));
    try (LocalOutputDirectory out = LocalOutputDirectory.prepare(used, "b/lib/modules/1.0", m -> {})) {
      Files.writeString(used.resolve("modules.dep"), "");
    }
    assertEquals(List.of("b"), names(root));
    assertEquals(List.of("modules.dep"), names(used));
  }

  @Test
  public void temporaryFilesOfAKilledRunAreRemoved() throws IOException {
    Path dir = tmp.newFolder("out").toPath();
    Files.writeString(dir.resolve("modules.dep." + UUID.randomUUID() + ".tmp"), "half a");
    Files.writeString(dir.resolve("modules.dep.bin." + UUID.randomUUID() + ".tmp"), "half b");
    // Not ours: another name, another pattern, kmod's own temporary file.
    String notes = "notes." + UUID.randomUUID() + ".tmp";
    for (String other : List.of(notes, "modules.dep.tmp", "modules.dep.15443.469536.1795316046")) {
      Files.writeString(dir.resolve(other), "x");
    }
    List<String> messages = new ArrayList<>();
    try (LocalOutputDirectory out = LocalOutputDirectory.prepare(dir, "/out", m -> messages.add(m.line()))) {
      assertNull(out.failure());
    }
    assertEquals(List.of(), messages);
    assertEquals(List.of("modules.dep.15443.469536.1795316046", "modules.dep.tmp", notes), names(dir));
  }

  @Test
  public void aMatrixRootIsClearedInEachKernelsDirectory() throws IOException {
    Path root = tmp.newFolder("matrix").toPath();
    String stale = "modules.alias." + UUID.randomUUID() + ".tmp";
    for (String kernel : List.of("6.1.0-1-amd64", "6.12.0-1-arm64")) {
      Files.createDirectory(root.resolve(kernel));
      Files.writeString(root.resolve(kernel).resolve(stale), "half");
      Files.writeString(root.resolve(kernel).resolve("modules.alias"), "whole");
    }
    Files.writeString(root.resolve(stale), "not in a kernel's directory");
    try (LocalOutputDirectory out = LocalOutputDirectory.prepareRoot(root, "matrix", m -> {})) {
      assertNull(out.failure());
    }
    assertEquals(List.of("6.1.0-1-amd64", "6.12.0-1-arm64", stale), names(root));
    assertEquals(List.of("modules.alias"), names(root.resolve("6.1.0-1-amd64")));
    assertEquals(List.of("modules.alias"), names(root.resolve("6.12.0-1-arm64")));
  }

  /** Runs in one JVM queue in-process first: file locks are per process (OverlappingFileLockException). */
  @Test
  public void runsInOneProcessTakeTurns() throws Exception {
    Path root = tmp.getRoot().toPath();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<DepmodMessage>> failures = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Path dir = root.resolve("k" + i);
        failures.add(pool.submit(() -> {
          try (LocalOutputDirectory out = LocalOutputDirectory.prepare(dir, dir.toString(), m -> {})) {
            Files.writeString(dir.resolve("modules.dep"), "");
            return out.failure();
          }
        }));
      }
      for (int i = 0; i < 8; i++) {
        assertNull(failures.get(i).get());
        assertEquals(List.of("modules.dep"), names(root.resolve("k" + i)));
      }
    } finally {
      pool.shutdown();
    }
  }
}
