package dev.beamdepmod.jobs.diff;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.beamdepmod.diff.ReportFiles;
import dev.beamdepmod.jobs.cli.Subcommands;
import dev.beamdepmod.jobs.matrix.MatrixCommand;
import dev.beamdepmod.schema.Change;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The diff command end to end on the bundled example kernels (fx1 as a tree, fx2 as a tarball). */
public class DiffCommandTest {
  private static final Path EXAMPLES = Paths.get("..", "examples", "matrix").toAbsolutePath().normalize();
  private static final String TREE = EXAMPLES.resolve("dir").toString();
  private static final String TAR = EXAMPLES.resolve("linux-modules-6.1.0-fx2-amd64.tar.gz").toString();
  private static final String DEB = EXAMPLES.resolve("linux-modules-6.12.0-fx3-amd64_6.12.0-1_amd64.deb").toString();

  @Rule public TemporaryFolder temp = new TemporaryFolder();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int diff(String... args) {
    PrintStream o = new PrintStream(out, true, UTF_8), e = new PrintStream(err, true, UTF_8);
    return Subcommands.run(new DiffCommand(EXAMPLES.toString(), PipelineOptionsFactory.create(), o, e), List.of(args), o, e);
  }

  @Test
  public void reportsTheChangesAndGatesOnTheNamedCategories() throws Exception {
    Path report = temp.newFolder("report").toPath();
    assertEquals(DiffCommand.GATE_FAILED, diff("--base", TREE, "--head", TAR, "--output", report.toString(),
        "--fail-on", "modules-removed,crc-changed"));
    String md = out.toString(UTF_8);
    assertThat(md, containsString("# Kernel comparison: `6.1.0-fx1-amd64` → `6.1.0-fx2-amd64`"));
    assertThat(md, containsString("| `modules-removed` | Modules removed | 4 |"));
    assertThat(md, containsString("| `modules-added` | Modules added | 2 |"));
    assertThat(err.toString(UTF_8), containsString("changes in modules-removed (--fail-on)"));
    assertEquals(md, Files.readString(report.resolve(ReportFiles.MARKDOWN)));
    assertTrue(Files.readString(report.resolve(ReportFiles.HTML)).startsWith("<!DOCTYPE html>"));
    try (InputStream in = Files.newInputStream(report.resolve(ReportFiles.CHANGES));
        DataFileStream<Change> changes = new DataFileStream<>(in, new SpecificDatumReader<>(Change.class))) {
      int count = 0;
      for (Change c : changes) count++;
      assertEquals(27, count);
    }
  }

  @Test
  public void noGateNoFailure() {
    assertEquals(0, diff("--base", TREE, "--head", TAR));
    assertEquals(0, diff("--base", TREE, "--head", TREE, "--fail-on", "all"));
  }

  @Test
  public void aSeriesOverAMatrixOutputHasLifetimes() throws Exception {
    Path matrix = temp.newFolder("matrix").toPath();
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, UTF_8), e = new PrintStream(err, true, UTF_8);
    int status = Subcommands.run(new MatrixCommand(EXAMPLES.toString(), PipelineOptionsFactory.create(), quiet, e),
        List.of("--input", TREE, TAR, DEB, "--output", matrix.toString()), quiet, e);
    assertEquals(0, status);
    Path report = temp.newFolder("series").toPath();
    assertEquals(0, diff("--series", matrix.toString(), "--output", report.toString()));
    assertTrue(Files.exists(report.resolve(ReportFiles.LIFETIMES)));
    assertThat(out.toString(UTF_8), containsString("`6.1.0-fx2-amd64` → `6.12.0-fx3-amd64`"));
  }

  @Test
  public void usageErrors() {
    assertEquals(2, diff("--base", TREE));
    assertThat(err.toString(UTF_8), containsString("beam-depmod diff: --base and --head go together"));
    assertEquals(2, diff("--base", TREE, "--series", TAR, DEB));
    assertThat(err.toString(UTF_8), containsString("beam-depmod diff: give either --base and --head, or --series"));
    assertEquals(2, diff("--base", TREE, "--head", TAR, "--fail-on", "no-such-category"));
    assertThat(err.toString(UTF_8), containsString("no-such-category"));
    assertEquals(2, diff("--base", TREE, "--head", TAR, "stray"));
    assertThat(err.toString(UTF_8), containsString("Unmatched argument at index 4: 'stray'"));
    assertThat(err.toString(UTF_8), containsString("Usage: beam-depmod diff --base <input> --head <input>"));
    assertThat(err.toString(UTF_8), containsString("crc-changed"));
  }
}
