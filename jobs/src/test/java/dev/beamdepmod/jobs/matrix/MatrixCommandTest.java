package dev.beamdepmod.jobs.matrix;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.beamdepmod.jobs.cli.Subcommands;
import dev.beamdepmod.schema.ModuleRecord;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The matrix job end to end on the bundled example (a tree, a .tar.gz and a .deb): every output
 * file equals kmod 34.2's for the same kernel unpacked (examples/make-expected.sh recorded them).
 */
public class MatrixCommandTest {
  private static final Path EXAMPLES = Paths.get("..", "examples", "matrix").toAbsolutePath().normalize();
  private static final String TAR = EXAMPLES.resolve("linux-modules-6.1.0-fx2-amd64.tar.gz").toString();
  private static final String DEB = EXAMPLES.resolve("linux-modules-6.12.0-fx3-amd64_6.12.0-1_amd64.deb").toString();

  @Rule public TemporaryFolder temp = new TemporaryFolder();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return run(PipelineOptionsFactory.create(), args);
  }

  private int run(PipelineOptions options, String... args) {
    options.as(DirectOptions.class).setEnforceImmutability(false);
    PrintStream o = new PrintStream(out, true, UTF_8), e = new PrintStream(err, true, UTF_8);
    return Subcommands.run(new MatrixCommand(EXAMPLES.toString(), options, o, e), List.of(args), o, e);
  }

  /** Cold, then warm: the same files, and the summary says how many modules came from the cache. */
  @Test
  public void aWarmCacheGivesTheSameFilesAndTheSummarySaysSo() throws Exception {
    String cache = temp.newFolder("cache").toString();
    PipelineOptions options = PipelineOptionsFactory.fromArgs("--cache=" + cache).create();
    Path cold = temp.newFolder("cold").toPath();
    Path warm = temp.newFolder("warm").toPath();
    assertEquals(0, run(options, "--input", EXAMPLES.resolve("dir").toString(), TAR, DEB, "--output", cold.toString()));
    // how many of the first run's: files of equal bytes (the tree and the tarball share some) read at different times
    assertThat(out.toString(UTF_8), containsString(" of 21 modules from the cache " + cache + "\n"));
    out.reset();
    assertEquals(0, run(options, "--input", EXAMPLES.resolve("dir").toString(), TAR, DEB, "--output", warm.toString()));
    assertThat(out.toString(UTF_8), containsString("21 of 21 modules from the cache " + cache + "\n"));
    assertThat(Files.readString(warm.resolve("matrix-summary.json")),
        containsString("\"cache\": {\"location\": \"" + cache + "\", \"modulesRead\": 21, \"modulesFromCache\": 21}"));
    for (String kernel : List.of("6.1.0-fx1-amd64", "6.1.0-fx2-amd64", "6.12.0-fx3-amd64")) {
      try (Stream<Path> files = Files.list(cold.resolve(kernel))) {
        for (Path f : files.toList()) {
          assertArrayEquals(f.toString(), Files.readAllBytes(f), Files.readAllBytes(warm.resolve(kernel).resolve(f.getFileName())));
        }
      }
    }
  }

  @Test
  public void writesKmodOutputsForEveryKernelOfTheExample() throws Exception {
    Path output = temp.newFolder("out").toPath();
    Path avro = temp.newFolder("avro").toPath();
    int exit = run("--input", EXAMPLES.resolve("dir").toString(), TAR, DEB, "--output", output.toString(),
        "--avro", avro.toString());
    assertEquals(err.toString(UTF_8), 0, exit);
    Path expected = EXAMPLES.resolve("expected");
    int compared = 0;
    try (Stream<Path> kernels = Files.list(expected)) {
      for (Path kernel : kernels.toList()) {
        try (Stream<Path> files = Files.list(kernel)) {
          for (Path f : files.toList()) {
            Path got = output.resolve(kernel.getFileName().toString()).resolve(f.getFileName().toString());
            assertArrayEquals(got.toString(), Files.readAllBytes(f), Files.readAllBytes(got));
            compared++;
          }
        }
      }
    }
    assertEquals(33, compared);
    String json = Files.readString(output.resolve("matrix-summary.json"));
    assertThat(json, containsString("{\"version\": \"6.12.0-fx3-amd64\", \"exitCode\": 0, \"modules\": 7"));
    assertThat(json, containsString("\"failed\": false"));
    assertThat(out.toString(UTF_8), containsString("3 kernels written, 0 failed, 0 inputs failed"));
    assertEquals(Files.readString(output.resolve("matrix-summary.txt")), out.toString(UTF_8));
    // every module file read: 7 in the tree, 7 in the tarball (one a duplicate depmod drops), 7 in the .deb
    assertEquals(21, readModules(avro).size());
  }

  @Test
  public void aBrokenPackageFailsAloneAndTheExitStatusSaysSo() throws Exception {
    Path broken = temp.newFile("broken_1.0_amd64.deb").toPath();
    byte[] deb = Files.readAllBytes(Paths.get(DEB));
    Files.write(broken, java.util.Arrays.copyOf(deb, deb.length / 2));
    Path output = temp.newFolder("out").toPath();
    int exit = run("--input", TAR, broken.toString(), "--output", output.toString());
    assertEquals(1, exit);
    assertTrue(Files.exists(output.resolve("6.1.0-fx2-amd64").resolve("modules.dep")));
    assertFalse("a half-read kernel is not written", Files.exists(output.resolve("6.12.0-fx3-amd64")));
    String summary = out.toString(UTF_8);
    assertThat(summary, containsString("1 inputs failed"));
    assertThat(summary, containsString(broken.toString()));
  }

  @Test
  public void aDirectoryOfPackagesIsReadAsItsPackages() throws Exception {
    Path pool = temp.newFolder("pool").toPath();
    Files.copy(Paths.get(TAR), pool.resolve(Paths.get(TAR).getFileName()));
    Files.copy(Paths.get(DEB), pool.resolve(Paths.get(DEB).getFileName()));
    Files.writeString(pool.resolve("Release"), "not a package\n");
    Path output = temp.newFolder("out").toPath();
    int exit = run("--input", pool.toString(), "--output", output.toString());
    assertEquals(err.toString(UTF_8), 0, exit);
    assertThat(err.toString(UTF_8), containsString("0 kernels in trees (0 modules), 2 packages"));
    assertThat(out.toString(UTF_8), containsString("2 kernels written, 0 failed, 0 inputs failed"));
    for (String kernel : List.of("6.1.0-fx2-amd64", "6.12.0-fx3-amd64")) {
      Path expected = EXAMPLES.resolve("expected").resolve(kernel).resolve("modules.dep");
      assertArrayEquals(kernel, Files.readAllBytes(expected), Files.readAllBytes(output.resolve(kernel).resolve("modules.dep")));
    }
  }

  @Test
  public void aDirectoryWithNeitherATreeNorPackagesIsAnInputError() throws Exception {
    Path empty = temp.newFolder("empty").toPath();
    Path other = temp.newFolder("other").toPath();
    Files.writeString(other.resolve("README"), "nothing to see\n");
    Path output = temp.newFolder("out").toPath();
    int exit = run("--input", empty.toString(), other.toString(), TAR, "--output", output.toString());
    assertEquals(1, exit);
    String summary = out.toString(UTF_8);
    assertThat(summary, containsString("1 kernels written, 0 failed, 2 inputs failed"));
    for (Path dir : List.of(empty, other)) {
      assertThat(summary, containsString("beam-depmod: ERROR: " + dir + ": holds no kernel module tree"));
      assertFalse(Files.exists(output.resolve(dir.getFileName().toString())));
    }
  }

  @Test
  public void usageErrorsAndHelp() {
    assertEquals(2, run("--input", TAR));
    assertThat(err.toString(UTF_8), containsString("beam-depmod matrix: Missing required option: '--output=<dir>'"));
    assertThat(err.toString(UTF_8), containsString("Usage: beam-depmod matrix"));
    assertEquals(0, run("--help"));
    assertThat(out.toString(UTF_8), containsString("--input=<tree|package|glob>..."));
  }

  private static List<ModuleRecord> readModules(Path avro) throws Exception {
    List<ModuleRecord> records = new ArrayList<>();
    try (Stream<Path> files = Files.list(avro)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("modules")).toList()) {
        try (DataFileReader<ModuleRecord> r = new DataFileReader<>(new File(f.toString()), new SpecificDatumReader<>(ModuleRecord.class))) {
          r.forEach(records::add);
        }
      }
    }
    return records;
  }
}
