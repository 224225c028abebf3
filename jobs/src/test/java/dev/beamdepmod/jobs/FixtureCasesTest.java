package dev.beamdepmod.jobs;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import dev.beamdepmod.jobs.depmod.DepmodCommand;
import dev.beamdepmod.jobs.depmod.Host;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * Runs beam-depmod (the real command line, on the DirectRunner unless beamdepmod.beamArgs says
 * otherwise) on every fixture case and compares
 * exit status, stdout, stderr and every output file with kmod 34.2's recorded result
 * (fixtures/trees/CASE/expected, or expected-beam where deviations.md asks for a different one).
 * The recorded results are checked against the live oracle by scripts/conformance-fixtures.sh.
 */
@RunWith(Parameterized.class)
public class FixtureCasesTest {
  private static final Path TREES = Paths.get("..", "fixtures", "trees").toAbsolutePath().normalize();
  /** Beam options for every case, e.g. -Dbeamdepmod.beamArgs="--runner=FlinkRunner --flinkMaster=[local]". */
  private static final List<String> BEAM_ARGS =
      Stream.of(System.getProperty("beamdepmod.beamArgs", "").split(" ")).filter(a -> !a.isEmpty()).toList();

  @Parameters(name = "{0}")
  public static List<Object[]> cases() throws IOException {
    try (Stream<Path> s = Files.list(TREES)) {
      return s.filter(d -> Files.exists(d.resolve("args")))
          .map(d -> new Object[] {d.getFileName().toString()})
          .sorted((a, b) -> ((String) a[0]).compareTo((String) b[0]))
          .collect(Collectors.toList());
    }
  }

  @Rule public TemporaryFolder temp = new TemporaryFolder();
  private final String name;

  public FixtureCasesTest(String name) {
    this.name = name;
  }

  @Test
  public void matchesOracle() throws Exception {
    assertMatchesOracle(BEAM_ARGS);
  }

  /** With a module cache (docs/cache.md): the same bytes on the first run, which fills it, and on the next, which uses it. */
  @Test
  public void matchesOracleColdAndWarmThroughACache() throws Exception {
    List<String> args = new ArrayList<>(BEAM_ARGS);
    args.add("--cache=" + temp.newFolder("cache").toPath());
    assertMatchesOracle(args);
    assertMatchesOracle(args);
  }

  private void assertMatchesOracle(List<String> beamArgs) throws Exception {
    Path source = TREES.resolve(name);
    Path work = Files.createTempDirectory(temp.getRoot().toPath(), name).toRealPath();
    copyCase(source, work);
    applyMtimes(work);
    String casePath = work.toString();
    List<String> args = new ArrayList<>(List.of("-o", "out"));
    for (String a : Files.readAllLines(work.resolve("args"), ISO_8859_1)) args.add(a.replace("@CASE@", casePath));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, ISO_8859_1); PrintStream e = new PrintStream(err, true, ISO_8859_1)) {
      exit = new DepmodCommand(new Host(casePath, "0.0-fixture", false))
          .run(args.toArray(String[]::new), o, e, new BeamKernelJob(Main.pipelineOptions(beamArgs)));
    }

    Path expected = Files.isDirectory(source.resolve("expected-beam")) ? source.resolve("expected-beam") : source.resolve("expected");
    assertEquals("exit", Files.readString(expected.resolve("exit")).trim(), String.valueOf(exit));
    assertEquals("stdout", read(expected.resolve("stdout")), out.toString(ISO_8859_1).replace(casePath, "@CASE@"));
    assertEquals("stderr", read(expected.resolve("stderr")), err.toString(ISO_8859_1).replace(casePath, "@CASE@"));
    Map<String, byte[]> want = new TreeMap<>();
    try (Stream<Path> s = Files.list(expected)) {
      for (Path f : (Iterable<Path>) s::iterator) {
        String n = f.getFileName().toString();
        if (!List.of("exit", "stdout", "stderr").contains(n)) want.put(n, Files.readAllBytes(f));
      }
    }
    Map<String, byte[]> got = new TreeMap<>();
    Path outDir = work.resolve("out");
    if (Files.exists(outDir)) {
      try (Stream<Path> s = Files.walk(outDir)) {
        for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) got.put(f.getFileName().toString(), Files.readAllBytes(f));
      }
    }
    assertEquals("output files", want.keySet(), got.keySet());
    for (String f : want.keySet()) assertArrayEquals(f, want.get(f), got.get(f));
  }

  private static String read(Path p) throws IOException {
    return new String(Files.readAllBytes(p), ISO_8859_1);
  }

  private static void copyCase(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path rel = from.relativize(p);
        if (rel.toString().startsWith("expected")) continue;
        Path dst = to.resolve(rel.toString());
        if (Files.isSymbolicLink(p)) {
          Files.createSymbolicLink(dst, Files.readSymbolicLink(p));
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(dst);
        } else {
          Files.copy(p, dst, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  /** git keeps no mtimes; the -A cases list theirs. */
  private static void applyMtimes(Path work) throws IOException {
    Path mtimes = work.resolve("mtimes");
    if (!Files.exists(mtimes)) return;
    for (String line : Files.readAllLines(mtimes)) {
      String[] f = line.split(" ", 2);
      Files.setLastModifiedTime(work.resolve(f[1]), FileTime.fromMillis(Long.parseLong(f[0]) * 1000));
    }
  }
}
