package dev.beamdepmod.module;

import static dev.beamdepmod.module.ModuleRecords.failed;
import static dev.beamdepmod.module.ModuleRecords.read;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.util.Random;
import org.junit.Test;

/** Bounded work and memory on hostile input; never an exception. */
public class LimitsTest {
  @Test
  public void oversizedStringSectionIsTooLarge() {
    ElfBuilder b = new ElfBuilder(true, false);
    b.section(".modinfo", new byte[Limits.MAX_STRING_LIST_BYTES + 1]);
    assertThat(read(b.build()).getMessages(), contains(failed("File too large")));
  }

  @Test
  public void oversizedSymbolTableIsTooLarge() {
    for (boolean is64 : new boolean[] {false, true}) {
      ElfBuilder b = new ElfBuilder(is64, false);
      b.section(".symtab", new byte[(Limits.MAX_TABLE_ENTRIES + 1) * ElfSymbols.entrySize(is64)]);
      assertThat(read(b.build()).getMessages(), contains(failed("File too large")));
    }
  }

  @Test
  public void oversizedVersionsTableIsTooLarge() {
    ElfBuilder b = new ElfBuilder(true, false);
    b.section("__versions", new byte[(Limits.MAX_TABLE_ENTRIES + 1) * ElfModule.VERSION_ENTRY_SIZE]);
    assertThat(read(b.build()).getMessages(), contains(failed("File too large")));
  }

  @Test
  public void randomCorruptionNeverThrows() throws IOException {
    for (boolean is64 : new boolean[] {false, true}) {
      byte[] module = new ElfBuilder(is64, !is64).modinfo("alias=a", "license=GPL").ksymtabStrings("e")
          .versions(1L, "x", 2L, "y").undefined("x", ElfBuilder.STB_GLOBAL)
          .symbol("__crc_e", 0, 1, ElfBuilder.STB_GLOBAL, 0).build();
      byte[] xz = CompressedModuleTest.xz(module);
      Random random = new Random(is64 ? 64 : 32);
      for (int i = 0; i < 500; i++) {
        for (byte[] original : new byte[][] {module, xz}) {
          byte[] mutated = original.clone();
          for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
            mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
          }
          assertThat(read(mutated).getMessages(), everyItem(startsWith("ERROR: ")));
        }
      }
    }
  }
}
