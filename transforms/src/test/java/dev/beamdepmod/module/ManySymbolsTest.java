package dev.beamdepmod.module;

import static dev.beamdepmod.module.ElfBuilder.SHN_ABS;
import static dev.beamdepmod.module.ElfBuilder.STB_GLOBAL;
import static dev.beamdepmod.module.ElfBuilder.STB_LOCAL;
import static dev.beamdepmod.module.ElfBuilder.STB_WEAK;
import static dev.beamdepmod.module.ModuleRecords.exports;
import static dev.beamdepmod.module.ModuleRecords.imports;
import static dev.beamdepmod.module.ModuleRecords.messages;
import static dev.beamdepmod.module.ModuleRecords.modinfo;
import static dev.beamdepmod.module.ModuleRecords.read;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;

import dev.beamdepmod.schema.ModuleRecord;
import org.junit.Test;

/**
 * A symbol table as large as the riscv64 ones, which keep every local label (1.7 million entries
 * in Debian's amdgpu): the table holds what its section holds, and the exports and imports among
 * the labels (here after the two millionth entry) are read as in any module.
 */
public class ManySymbolsTest {
  private static final int LABELS = 2_100_000;

  private static byte[] module(boolean is64, boolean bigEndian) {
    ElfBuilder b = new ElfBuilder(is64, bigEndian).modinfo("license=GPL", "depends=");
    int text = b.section(".text", new byte[16]);
    b.versions(0xAAAAL, "printk", 0xBBBBL, "kfree", 0xCCCCL, "unmatched");
    b.undefined("printk", STB_GLOBAL);
    for (int i = 0; i < LABELS; i++) {
      b.symbol(".L" + i, i & 15, text, STB_LOCAL, 0);
    }
    b.symbol("__crc_first_export", 0x12345678L, SHN_ABS, STB_GLOBAL, 0)
        .undefined("kfree", STB_WEAK)
        .symbol("__crc_last_export", 0x9ABCDEF0L, SHN_ABS, STB_GLOBAL, 0)
        .undefined("unversioned", STB_GLOBAL);
    return b.build();
  }

  @Test
  public void exportsAndImportsAmongMillionsOfLocalLabels() {
    for (boolean is64 : new boolean[] {true, false}) {
      byte[] file = module(is64, !is64);
      assertThat(file.length, greaterThan(LABELS * (is64 ? 24 : 16)));
      ModuleRecord r = read(file);
      assertThat(messages(r), empty());
      assertThat(exports(r), contains("first_export=12345678", "last_export=9abcdef0"));
      assertThat(imports(r), contains("printk=aaaa", "weak kfree=bbbb", "unversioned=0", "unmatched=cccc"));
      assertThat(modinfo(r), contains("license=GPL", "depends="));
    }
  }
}
