package dev.beamdepmod.pipeline;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.beamdepmod.diagnostics.Console;
import dev.beamdepmod.resolve.DepmodSettings;
import dev.beamdepmod.schema.ModuleFile;
import dev.beamdepmod.transforms.KernelSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A committed fixture tree (fixtures/trees/NAME, run by the oracle as "depmod -b root 1.0") as
 * pipeline input, and the oracle's result for it. The tree is only read; outputs go elsewhere.
 */
record FixtureCase(String name) {
  private static final Path TREES = Paths.get("..", "fixtures", "trees").toAbsolutePath().normalize();
  private static final List<String> OUTCOME = List.of("exit", "stdout", "stderr");

  String dir() {
    return TREES.resolve(name).toString();
  }

  /** The input directory as depmod builds it. */
  String dirname() {
    return dir() + "/root/lib/modules/1.0";
  }

  KernelSpec spec(String kernel, String outputDir) {
    return KernelSpec.discovered(kernel, dirname(), dirname(), outputDir, outputDir,
        new DepmodSettings((char) 0, 0, false, null, false, false), new Console(0));
  }

  /** Every module file of the tree (names ending .ko[.xz|.zst|.gz]). */
  List<ModuleFile> moduleFiles(String kernel) {
    Path dir = Paths.get(dirname());
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().matches(".*\\.ko(\\.xz|\\.zst|\\.gz)?"))
          .map(p -> dir.relativize(p).toString())
          .sorted()
          .map(rel -> new ModuleFile(kernel, dir.resolve(rel).toString(), dirname() + "/" + rel, rel))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The files the oracle wrote, by name. */
  Map<String, byte[]> expectedFiles() {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(TREES.resolve(name).resolve("expected"))) {
      for (Path f : (Iterable<Path>) list::iterator) {
        if (!OUTCOME.contains(f.getFileName().toString())) files.put(f.getFileName().toString(), Files.readAllBytes(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** The oracle's stderr, with the case directory put back in. */
  String expectedStderr() {
    try {
      return new String(Files.readAllBytes(TREES.resolve(name).resolve("expected/stderr")), ISO_8859_1)
          .replace("@CASE@", dir());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** stderr as depmod prints a report's lines. */
  static String stderr(List<String> lines) {
    StringBuilder text = new StringBuilder();
    for (String line : lines) text.append(line).append('\n');
    return text.toString();
  }
}
