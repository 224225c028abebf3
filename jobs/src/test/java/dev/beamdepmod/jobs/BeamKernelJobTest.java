package dev.beamdepmod.jobs;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import dev.beamdepmod.jobs.depmod.DepmodCommand;
import dev.beamdepmod.jobs.depmod.Host;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The output directory prepared around the pipeline: depmod's messages and directories, as the oracle leaves them. */
public class BeamKernelJobTest {
  private static final Path TREES = Path.of("..", "fixtures", "trees").toAbsolutePath().normalize();

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private record Run(int exit, String stderr) {}

  private Run depmod(String fixture, Path out) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, ISO_8859_1);
        PrintStream e = new PrintStream(err, true, ISO_8859_1)) {
      String[] args = {"-b", TREES.resolve(fixture).resolve("root").toString(), "-o", out.toString(), "1.0"};
      exit = new DepmodCommand(new Host(tmp.getRoot().toString(), "0.0-test", false))
          .run(args, o, e, new BeamKernelJob(Main.pipelineOptions(List.of())));
    }
    return new Run(exit, err.toString(ISO_8859_1));
  }

  @Test
  public void anOutputDirectoryDepmodCannotCreateEndsTheRunWithItsMessage() throws IOException {
    Path file = tmp.newFile("file").toPath();
    assertEquals(new Run(1, "depmod: FATAL: could not create directory " + file + "/lib/modules/1.0: Not a directory\n"),
        depmod("basic", file));
    assertEquals("", Files.readString(file));
  }

  /** depmod creates the directory before producing its first file: none of the files' own warnings come before the end. */
  @Test
  public void anOutputDirectoryDepmodCannotCreateEndsTheRunBeforeTheFilesMessages() throws IOException {
    Path file = tmp.newFile("file").toPath();
    // As the oracle prints it: modules.order is read before, modules.builtin(.modinfo) only while writing.
    assertEquals(new Run(1,
            "depmod: WARNING: could not open modules.order at " + TREES + "/no-order/root/lib/modules/1.0: No such file or directory\n"
                + "depmod: FATAL: could not create directory " + file + "/lib/modules/1.0: Not a directory\n"),
        depmod("no-order", file));
  }

  /** depmod creates its output directory only when it has something to write. */
  @Test
  public void aRunWithNothingToWriteCreatesNoDirectory() {
    Path out = tmp.getRoot().toPath().resolve("out");
    Run run = depmod("cycle-pair", out);
    assertEquals(1, run.exit);
    assertEquals("depmod: ERROR: Found 2 modules in dependency cycles!", run.stderr.lines().reduce((a, b) -> b).orElse(""));
    assertFalse(Files.exists(out));
  }
}
