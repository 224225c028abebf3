package dev.beamdepmod.jobs;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.emptyArray;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * Runs the shaded jar (as bin/beam-depmod does) on Flink's embedded cluster with two parallel
 * slots and on the DirectRunner, and asserts both give the same exit status, stdout, stderr and
 * output bytes, and that the Flink run cleaned up after itself (reports, Flink's temporary files).
 * Using the jar itself also checks that shading kept Flink working (service files, configuration).
 * Run by `mvn verify` after the jar is built.
 */
@RunWith(Parameterized.class)
public class FlinkRunnerIT {
  private static final Path ROOT = Paths.get("..").toAbsolutePath().normalize();
  /** Set by the jar-integration-tests execution, which runs after packaging. */
  private static final String JAR = System.getProperty("beamdepmod.jar");
  /** Replaced by a fresh output directory for each run. */
  private static final String OUT = "{out}";

  /**
   * Each job invocation: name, expected exit status, arguments (paths relative to the project root).
   * Every invocation costs two JVM starts and a Flink cluster start: keep the list short.
   */
  @Parameters(name = "{0}")
  public static List<Object[]> invocations() {
    return List.<Object[]>of(
        // -v: stdout comes back from the workers too, beside the output files.
        new Object[] {"depmod-tree", 0, List.of("-v", "-b", "examples/tree/root", "-o", OUT, "6.1.0-demo-amd64")},
        new Object[] {"matrix", 0, List.of("matrix", "--input", "examples/matrix/dir",
            "examples/matrix/linux-modules-6.1.0-fx2-amd64.tar.gz",
            "examples/matrix/linux-modules-6.12.0-fx3-amd64_6.12.0-1_amd64.deb", "--output", OUT)},
        new Object[] {"diff", 0, List.of("diff", "--base", "examples/matrix/dir",
            "--head", "examples/matrix/linux-modules-6.1.0-fx2-amd64.tar.gz", "--output", OUT)});
  }

  @Rule public TemporaryFolder temp = new TemporaryFolder();
  private final String name;
  private final int exit;
  private final List<String> args;

  public FlinkRunnerIT(String name, int exit, List<String> args) {
    this.name = name;
    this.exit = exit;
    this.args = args;
  }

  @Test
  public void flinkGivesTheDirectRunnersBytes() throws Exception {
    // -Dtest=... also selects this class in the unit test phase, before the jar exists.
    assumeTrue("needs the jar: run by mvn verify", JAR != null);
    // No module cache: the second run would find the first one's, and say so in the matrix summary.
    Run direct = run("direct", List.of(), List.of("--cache=none"));
    File tempLocation = temp.newFolder("flink-temp-location");
    File tmpdir = temp.newFolder("flink-tmpdir");
    Run flink = run("flink", List.of("-Djava.io.tmpdir=" + tmpdir),
        List.of("--cache=none", "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2",
            "--tempLocation=" + tempLocation));

    assertEquals(name + ": DirectRunner exit status\n" + direct.stderr, exit, direct.exit);
    assertTrue(name + ": the DirectRunner run shows something to compare", !direct.files.isEmpty() || !direct.stdout.isEmpty());
    assertEquals("exit status\n" + flink.stderr, direct.exit, flink.exit);
    assertEquals("stdout", direct.stdout, flink.stdout);
    assertEquals("stderr", direct.stderr, flink.stderr);
    assertEquals("output files", direct.files.keySet(), flink.files.keySet());
    for (String f : direct.files.keySet()) assertArrayEquals(f, direct.files.get(f), flink.files.get(f));
    assertThat("per-kernel reports removed from the temp location", tempLocation.list(), emptyArray());
    try (Stream<Path> left = Files.walk(tmpdir.toPath())) {
      // beam-depmod-<user>.lock is the host's output lock (LocalOutputDirectory): kept on purpose, empty
      assertEquals("files left in java.io.tmpdir", List.of(), left.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().matches("beam-depmod-.*\\.lock")).toList());
    }
  }

  /** What one run of the jar showed; the output directory's path is replaced by {out} in the texts. */
  private record Run(int exit, String stdout, String stderr, Map<String, byte[]> files) {}

  private Run run(String label, List<String> jvmOptions, List<String> beamOptions)
      throws IOException, InterruptedException {
    Path out = temp.newFolder(label + "-out").toPath();
    Path stdout = temp.getRoot().toPath().resolve(label + ".stdout");
    Path stderr = temp.getRoot().toPath().resolve(label + ".stderr");
    List<String> command = new ArrayList<>(List.of(javaBinary()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", Paths.get(JAR).toAbsolutePath().toString()));
    command.addAll(beamOptions);
    for (String a : args) command.add(a.replace(OUT, out.toString()));
    Process process = new ProcessBuilder(command)
        .directory(ROOT.toFile())
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile())
        .start();
    // Not a speed check: a hung cluster must not hang the build.
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(label + " run did not finish: " + command);
    }
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(out)) {
      for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
        files.put(out.relativize(f).toString(), Files.readAllBytes(f));
      }
    }
    return new Run(process.exitValue(), text(stdout, out), text(stderr, out), files);
  }

  private static String text(Path file, Path out) throws IOException {
    return new String(Files.readAllBytes(file), ISO_8859_1).replace(out.toString(), OUT);
  }

  private static String javaBinary() {
    return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }
}
