package dev.beamdepmod.module;

import static dev.beamdepmod.module.ElfBuilder.STB_LOCAL;
import static dev.beamdepmod.module.ModuleRecords.PATH;
import static dev.beamdepmod.module.ModuleRecords.failed;
import static dev.beamdepmod.module.ModuleRecords.messages;
import static dev.beamdepmod.module.ModuleRecords.namespaces;
import static dev.beamdepmod.module.ModuleRecords.read;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.beamdepmod.schema.ModuleRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.junit.Test;

/**
 * Bounded work and memory on hostile input, never an exception; and no bound below what the
 * budgets of {@link Limits} allow.
 */
public class LimitsTest {
  /**
   * The bytes of a built module followed by zeros up to a stated size, so that section headers can
   * point at far more content than the test holds.
   */
  private static ModuleSource padded(byte[] head, long size) {
    return new ModuleSource() {
      @Override
      public long size() {
        return size;
      }

      @Override
      public ByteBuffer read(long offset, int length) throws IOException {
        if (offset < 0 || length < 0 || offset + length > size) {
          throw new IOException("outside the file");
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        if (offset < head.length) {
          buffer.put(head, (int) offset, (int) Math.min(length, head.length - offset));
        }
        return buffer.rewind();
      }
    };
  }

  private static ModuleRecord readPadded(ElfBuilder b, long sectionBytes) {
    byte[] head = b.build();
    return ModuleReader.read(PATH, padded(head, head.length + sectionBytes));
  }

  @Test
  public void aSectionBeyondTheContentBudgetIsTooLarge() {
    for (String name : new String[] {".symtab", "__versions", ".modinfo", "__ksymtab_strings", ".strtab"}) {
      for (boolean is64 : new boolean[] {false, true}) {
        ElfBuilder b = new ElfBuilder(is64, false);
        b.add(new ElfBuilder.Section(name, new byte[0]).size(Limits.MAX_CONTENT_BYTES + 64L));
        assertThat(name, messages(readPadded(b, Limits.MAX_CONTENT_BYTES + 64L)),
            contains(failed("File too large")));
      }
    }
  }

  @Test
  public void sectionsThatTogetherExceedTheContentBudgetAreTooLarge() {
    long half = Limits.MAX_CONTENT_BYTES / 2;
    ElfBuilder b = new ElfBuilder(true, false);
    b.add(new ElfBuilder.Section(".modinfo", new byte[0]).size(half));
    b.add(new ElfBuilder.Section(".strtab", new byte[0]).size(half));
    assertThat(messages(readPadded(b, 2 * half)), contains(failed("File too large")));
  }

  /** 4 MiB of NULs was over the former string-section bound; it holds no strings. */
  @Test
  public void aLargeSectionOfNulsHoldsNoStrings() {
    ElfBuilder b = new ElfBuilder(true, false);
    b.section(".modinfo", new byte[(4 << 20) + 1]);
    ModuleRecord r = read(b.build());
    assertThat(messages(r), empty());
    assertThat(r.getModinfo(), empty());
  }

  @Test
  public void aModinfoOfManyMegabytesIsRead() {
    String[] entries = new String[60_000];
    for (int i = 0; i < entries.length; i++) {
      entries[i] = "alias=pci:v0000" + Integer.toHexString(0x10000 + i) + "d*sv*sd*bc*sc*i*" + "x".repeat(60);
    }
    ModuleRecord r = read(new ElfBuilder(false, true).modinfo(entries).build());
    assertThat(messages(r), empty());
    assertEquals(entries.length, r.getModinfo().size());
    assertEquals(entries[entries.length - 1].substring("alias=".length()), r.getModinfo().get(entries.length - 1).getValue());
  }

  /**
   * Two million one-character modinfo strings take 4 MB of the file but would take about 270 MiB of
   * records: the whole module is too large, reported once.
   */
  @Test
  public void aRecordBeyondItsBudgetMakesTheModuleTooLarge() {
    byte[] modinfo = new byte[4_000_000];
    for (int i = 0; i < modinfo.length; i += 2) {
      modinfo[i] = 'a';
    }
    ElfBuilder b = new ElfBuilder(true, false).ksymtabStrings("kept_out");
    b.section(".modinfo", modinfo);
    ModuleRecord r = read(b.build());
    assertThat(messages(r), contains(failed("File too large")));
    assertThat(r.getExports(), empty());
    assertThat(r.getModinfo(), empty());
  }

  /** Namespace names have no length bound of their own. */
  @Test
  public void aLongNamespaceIsRead() {
    String namespace = "NS".repeat(50_000);
    ElfBuilder b = new ElfBuilder(true, false).ksymtabStrings("long_ns_fn");
    int rodata = b.section(".rodata", ElfBuilder.strings("x", namespace));
    b.symbol("__kstrtabns_long_ns_fn", 2, rodata, STB_LOCAL, 0);
    List<String> namespaces = namespaces(read(b.build()));
    assertEquals(1, namespaces.size());
    assertTrue("long_ns_fn=NSNS... (100 000 characters)", namespaces.get(0).equals("long_ns_fn=" + namespace));
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
