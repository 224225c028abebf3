package dev.beamdepmod.transforms;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.beamdepmod.diagnostics.Console;
import dev.beamdepmod.discovery.ModuleFiles;
import dev.beamdepmod.resolve.DepmodSettings;
import dev.beamdepmod.schema.ModuleFile;
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
 * The committed fixtures as transform inputs: fixtures/modules, and the trees fixtures/trees/CASE
 * (run with "-b root 1.0") with the oracle's results in CASE/expected. The trees are only read;
 * outputs go elsewhere.
 */
public final class FixtureTrees {
  static final Path FIXTURES = Paths.get("..", "fixtures").toAbsolutePath().normalize();
  static final Path MODULES = FIXTURES.resolve("modules");
  private static final List<String> OUTCOME = List.of("exit", "stdout", "stderr");

  private FixtureTrees() {}

  public static String caseDir(String name) {
    return FIXTURES.resolve("trees").resolve(name).toString();
  }

  /** The input directory as depmod builds it for "-b root 1.0" run in the case directory. */
  public static String dirname(String name) {
    return caseDir(name) + "/root/lib/modules/1.0";
  }

  static DepmodSettings settings(boolean dryRun) {
    return new DepmodSettings((char) 0, 0, false, null, false, dryRun);
  }

  /** A kernel reading the case's tree and writing to outputDir. */
  public static KernelSpec spec(String name, String kernel, String outputDir, boolean dryRun) {
    return KernelSpec.discovered(kernel, dirname(name), dirname(name), outputDir, outputDir, settings(dryRun), new Console(0));
  }

  /** Every module file of the case's tree, as depmod's walk finds them (names with a module extension). */
  public static List<ModuleFile> moduleFiles(String name, String kernel) {
    Path dir = Paths.get(dirname(name));
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> ModuleFiles.isModuleFile(p.toString()))
          .map(p -> dir.relativize(p).toString())
          .sorted()
          .map(rel -> new ModuleFile(kernel, dir.resolve(rel).toString(), dirname(name) + "/" + rel, rel))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The output files the oracle left for the case, by name. */
  public static Map<String, byte[]> expectedFiles(String name) {
    Map<String, byte[]> files = new TreeMap<>();
    Path expected = Paths.get(caseDir(name), "expected");
    try (Stream<Path> list = Files.list(expected)) {
      for (Path f : (Iterable<Path>) list::iterator) {
        String n = f.getFileName().toString();
        if (!OUTCOME.contains(n)) files.put(n, Files.readAllBytes(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** The oracle's stderr for the case, with its directory put back in. */
  public static String expectedStderr(String name) {
    return expectedText(name, "stderr").replace("@CASE@", caseDir(name));
  }

  /** stderr as printed from a result's lines (a line may hold several, joined by '\n'). */
  public static String stderr(List<String> lines) {
    StringBuilder text = new StringBuilder();
    for (String line : lines) text.append(line).append('\n');
    return text.toString();
  }

  static String expectedText(String name, String file) {
    try {
      return new String(Files.readAllBytes(Paths.get(caseDir(name), "expected", file)), ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int expectedExit(String name) {
    return Integer.parseInt(expectedText(name, "exit").trim());
  }
}
