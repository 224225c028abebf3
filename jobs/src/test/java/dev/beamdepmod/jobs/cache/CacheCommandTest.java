package dev.beamdepmod.jobs.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertEquals;

import dev.beamdepmod.jobs.cli.Subcommands;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** cache stats and clear on a cache directory holding entries of this format and of an older one. */
public class CacheCommandTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private int run(Path cache, String action) {
    PrintStream o = new PrintStream(out, true, UTF_8);
    return Subcommands.run(new CacheCommand("/", PipelineOptionsFactory.fromArgs("--cache=" + cache).create(), o, o),
        List.of(action), o, o);
  }

  @Test
  public void statsCountsTheEntriesAndClearRemovesThem() throws Exception {
    Path cache = temp.newFolder("cache").toPath();
    Files.createDirectories(cache.resolve("modules-v1/ab"));
    Files.createDirectories(cache.resolve("modules-v0/cd"));
    Files.write(cache.resolve("modules-v1/ab/ab01"), new byte[10]);
    Files.write(cache.resolve("modules-v1/ab/ab02"), new byte[20]);
    Files.write(cache.resolve("modules-v0/cd/cd01"), new byte[5]);
    Files.write(cache.resolve("unrelated"), new byte[7]);
    assertEquals(0, run(cache, "stats"));
    assertEquals(cache + ": 3 entries, 35 bytes; 2 of this version (format 1)\n", out.toString(UTF_8));
    out.reset();
    assertEquals(0, run(cache, "clear"));
    assertEquals(cache + ": 3 entries removed (35 bytes)\n", out.toString(UTF_8));
    out.reset();
    assertEquals(0, run(cache, "stats"));
    assertEquals(cache + ": 0 entries, 0 bytes; 0 of this version (format 1)\n", out.toString(UTF_8));
    assertEquals(true, Files.exists(cache.resolve("unrelated")));
  }
}
