package dev.beamdepmod.module;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * Every committed fixture module (plain ELF, xz, zstd, gzip) cut at every byte and changed at random
 * places: the reader answers each with a record (scripts/corrupt.sh does the same for real kernels).
 */
public class CorruptionTest {
  private static final Path MODULES = Paths.get("..", "fixtures", "modules").toAbsolutePath().normalize();
  private static final int FLIPS_PER_FILE = 300;

  @Test
  public void everyTruncationAndRandomChangesOfEveryFixtureModuleGiveARecord() throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(MODULES)) {
      files = listing.filter(p -> p.getFileName().toString().contains(".ko")).sorted().toList();
    }
    assertTrue("fixture modules found", files.size() > 30);
    List<Corruption.Finding> findings = new ArrayList<>();
    for (Path file : files) {
      Corruption corruption = new Corruption(file.getFileName().toString(), Files.readAllBytes(file), findings::add);
      corruption.truncations(1);
      corruption.flips(FLIPS_PER_FILE, file.getFileName().toString().hashCode());
    }
    assertEquals(List.of(), findings);
  }
}
