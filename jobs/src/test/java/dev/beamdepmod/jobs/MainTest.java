package dev.beamdepmod.jobs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The whole command line, Beam options included: --liblzma. */
public class MainTest {
  private static final Path EXAMPLES = Paths.get("..", "examples", "matrix").toAbsolutePath().normalize();
  private static final String DEB = EXAMPLES.resolve("linux-modules-6.12.0-fx3-amd64_6.12.0-1_amd64.deb").toString();
  private static final Path HOST_LIBLZMA = Paths.get("/usr/lib/x86_64-linux-gnu/liblzma.so.5");

  @Rule public TemporaryFolder temp = new TemporaryFolder();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
  }

  @Test
  public void aLiblzmaThatDoesNotLoadIsAnError() throws Exception {
    Path notALibrary = temp.newFile("liblzma.so.5").toPath();
    Files.writeString(notALibrary, "not a shared object\n");
    Path output = temp.newFolder("out").toPath();
    assertEquals(1, run("matrix", "--liblzma=" + notALibrary, "--input", DEB, "--output", output.toString()));
    String message = err.toString(UTF_8);
    assertEquals(message, true, message.startsWith("beam-depmod: ERROR: --liblzma=" + notALibrary + ": cannot load it as liblzma: "));
    assertEquals("nothing ran", 0, output.toFile().list().length);
  }

  @Test
  public void aNamedLiblzmaDecodesTheSameBytes() throws Exception {
    assumeTrue(Files.exists(HOST_LIBLZMA));
    Path output = temp.newFolder("out").toPath();
    assertEquals(err.toString(UTF_8), 0,
        run("matrix", "--input", DEB, "--output", output.toString(), "--liblzma=" + HOST_LIBLZMA));
    Path expected = EXAMPLES.resolve("expected").resolve("6.12.0-fx3-amd64").resolve("modules.dep");
    assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(output.resolve("6.12.0-fx3-amd64").resolve("modules.dep")));
  }
}
