package dev.beamdepmod.module;

import static dev.beamdepmod.module.ModuleRecords.messages;
import static dev.beamdepmod.module.ModuleRecords.read;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.junit.Assert.assertEquals;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;

import dev.beamdepmod.schema.ExportedSymbol;
import dev.beamdepmod.schema.ImportedSymbol;
import dev.beamdepmod.schema.ModuleRecord;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.Test;

/** Bounded work and memory on hostile input; never an exception. */
public class LimitsTest {
  /**
   * Tables are as large as their sections: riscv64's amdgpu has 1.73 million .symtab entries, so no
   * count of entries may be capped on its own.
   */
  @Test
  public void aSymbolTableOfMoreThanTwoMillionEntriesIsRead() {
    for (boolean is64 : new boolean[] {false, true}) {
      ElfBuilder b = new ElfBuilder(is64, is64);
      int text = b.section(".text", new byte[16]);
      b.undefined("printk", ElfBuilder.STB_GLOBAL);
      for (int i = 0; i < 2_100_000; i++) {
        b.symbol(".L" + i, i, text, ElfBuilder.STB_LOCAL, 0);
      }
      b.symbol("__crc_big_export", 0x1234abcdL, ElfBuilder.SHN_ABS, ElfBuilder.STB_GLOBAL, 0);
      b.undefined("kmalloc", ElfBuilder.STB_WEAK);
      ModuleRecord r = read(b.build());
      assertThat(messages(r), empty());
      assertEquals(List.of(new ExportedSymbol("big_export", 0x1234abcdL, null)), r.getExports());
      assertEquals(List.of(new ImportedSymbol("printk", false, 0L), new ImportedSymbol("kmalloc", true, 0L)), r.getImports());
    }
  }

  @Test
  public void aVersionsTableOverAMillionEntriesIsRead() {
    Object[] versions = new Object[2 * 1_100_000];
    for (int i = 0; i < versions.length; i += 2) {
      versions[i] = (long) i;
      versions[i + 1] = "v" + i;
    }
    ModuleRecord r = read(new ElfBuilder(true, false).versions(versions).undefined("v8", ElfBuilder.STB_GLOBAL).build());
    assertEquals(1_100_000, r.getImports().size());
    assertEquals(new ImportedSymbol("v8", false, 8L), r.getImports().get(0));
  }

  @Test
  public void aModinfoOverFourMibIsRead() {
    String[] entries = new String[400_000];
    for (int i = 0; i < entries.length; i++) {
      entries[i] = "alias=pci:v" + i;
    }
    ModuleRecord r = read(new ElfBuilder(true, false).modinfo(entries).build());
    assertEquals(entries.length, r.getModinfo().size());
    assertEquals("pci:v399999", r.getModinfo().get(entries.length - 1).getValue());
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
          assertThat(messages(read(mutated)), everyItem(startsWith("ERROR: ")));
        }
      }
    }
  }
}
