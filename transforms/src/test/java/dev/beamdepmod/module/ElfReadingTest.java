package dev.beamdepmod.module;

import static dev.beamdepmod.module.ElfBuilder.SHN_ABS;
import static dev.beamdepmod.module.ElfBuilder.STB_GLOBAL;
import static dev.beamdepmod.module.ElfBuilder.STB_LOCAL;
import static dev.beamdepmod.module.ElfBuilder.STB_WEAK;
import static dev.beamdepmod.module.ElfBuilder.bytes;
import static dev.beamdepmod.module.ElfBuilder.strings;
import static dev.beamdepmod.module.ModuleRecords.exports;
import static dev.beamdepmod.module.ModuleRecords.failed;
import static dev.beamdepmod.module.ModuleRecords.imports;
import static dev.beamdepmod.module.ModuleRecords.messages;
import static dev.beamdepmod.module.ModuleRecords.modinfo;
import static dev.beamdepmod.module.ModuleRecords.namespaces;
import static dev.beamdepmod.module.ModuleRecords.read;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import dev.beamdepmod.schema.ModuleRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** The ELF rules of docs/depmod-rules.md §6.2–6.7, in all four class/byte-order combinations. */
@RunWith(Parameterized.class)
public class ElfReadingTest {
  @Parameters(name = "64-bit={0} big-endian={1}")
  public static List<Object[]> layouts() {
    return Arrays.asList(new Object[][] {{false, false}, {false, true}, {true, false}, {true, true}});
  }

  private final boolean is64;
  private final boolean bigEndian;

  public ElfReadingTest(boolean is64, boolean bigEndian) {
    this.is64 = is64;
    this.bigEndian = bigEndian;
  }

  private ElfBuilder elf() {
    return new ElfBuilder(is64, bigEndian);
  }

  /** A __kcrctab-like section holding 4-byte CRCs in the file's byte order. */
  private byte[] crcTable(long... crcs) {
    ElfBuilder.Writer w = new ElfBuilder.Writer(bigEndian);
    for (long crc : crcs) {
      w.u32(crc);
    }
    return w.toByteArray();
  }

  @Test
  public void recordBasics() {
    ModuleRecord r = ModuleReader.read("/m/kernel/my-mod.ko", ByteBufferSource.of(elf().build()));
    assertEquals("my_mod", r.getName());
    assertEquals("/m/kernel/my-mod.ko", r.getPath());
    assertEquals("", r.getKernel());
    assertNull(r.getRelpath());
    assertThat(r.getExports(), empty());
    assertThat(r.getImports(), empty());
    assertThat(r.getModinfo(), empty());
    assertThat(messages(r), empty());
  }

  @Test
  public void crcExportsFromSectionAndAbsoluteInSymbolTableOrder() {
    ElfBuilder b = elf();
    int kcrctab = b.section("__kcrctab", crcTable(0x11111111L, 0xDEADBEEFL));
    b.ksymtabStrings("ignored_when_crcs_exist");
    b.symbol("__crc_second", 4, kcrctab, STB_LOCAL, 0)
        .symbol("plain_symbol", 0, kcrctab, STB_GLOBAL, 0)
        .symbol("__crc_absolute", 0x12345678L, SHN_ABS, STB_GLOBAL, 0)
        .symbol("__crc_first", 0, kcrctab, STB_LOCAL, 0)
        .symbol("__crc_undef", 0x77, 0, STB_GLOBAL, 0);
    ModuleRecord r = read(b.build());
    assertThat(exports(r), contains("second=deadbeef", "absolute=12345678", "first=11111111", "undef=77"));
    assertThat(messages(r), empty());
  }

  @Test
  public void absoluteCrcKeepsTheWholeSymbolValue() {
    ElfBuilder b = elf().symbol("__crc_wide", 0x1_2345_6789L, SHN_ABS, STB_GLOBAL, 0);
    assertThat(exports(read(b.build())), contains(is64 ? "wide=123456789" : "wide=23456789"));
  }

  @Test
  public void unreadableCrcIsAllOnes() {
    ElfBuilder b = elf();
    int small = b.section("__kcrctab", crcTable(1, 2));
    int outside = b.add(new ElfBuilder.Section("__kcrctab_bad", crcTable(3)).offset(0xFFFF_FF00L));
    int tiny = b.section("tiny", new byte[3]);
    b.symbol("__crc_last_fits", 4, small, STB_LOCAL, 0)
        .symbol("__crc_past_end", 5, small, STB_LOCAL, 0)
        .symbol("__crc_bad_header", 0, outside, STB_LOCAL, 0)
        .symbol("__crc_tiny", 0, tiny, STB_LOCAL, 0);
    assertThat(exports(read(b.build())),
        contains("last_fits=2", "past_end=ffffffffffffffff", "bad_header=ffffffffffffffff", "tiny=ffffffffffffffff"));
  }

  @Test
  public void crcInMissingSectionMakesTheModuleUnreadable() {
    // kmod 34.2 aborts on an assertion here; we report the module as unreadable and read nothing.
    ElfBuilder b = elf().modinfo("alias=x").undefined("needed", STB_GLOBAL);
    b.symbol("__crc_common", 0, 0xFFF2, STB_GLOBAL, 0);
    ModuleRecord r = read(b.build());
    assertThat(messages(r), contains(failed("Invalid argument")));
    assertThat(r.getExports(), empty());
    assertThat(r.getModinfo(), empty());
    assertThat(r.getImports(), empty());
  }

  @Test
  public void fallbackToKsymtabStringsIncludesNamespaces() {
    ElfBuilder b = elf();
    b.section("__ksymtab_strings", bytes("\0\0usb_fn\0USB_STORAGE\0\0other_fn\0"));
    b.undefined("printk", STB_GLOBAL);
    assertThat(exports(read(b.build())), contains("usb_fn=0", "USB_STORAGE=0", "other_fn=0"));
  }

  @Test
  public void namespacesFromKstrtabnsSymbolsLeaveTheExportsAlone() {
    ElfBuilder b = elf();
    int kcrctab = b.section("__kcrctab", crcTable(1, 2, 3, 4, 5, 6));
    // offsets: 0 "" (no namespace), 1 "MY_NS", 7 "OTHER", 13 an unterminated string at the end
    int strings = b.section("__ksymtab_strings", bytes("\0MY_NS\0OTHER\0END"));
    b.symbol("__crc_ns_fn", 0, kcrctab, STB_LOCAL, 0)
        .symbol("__crc_plain_fn", 4, kcrctab, STB_LOCAL, 0)
        .symbol("__crc_silent_fn", 8, kcrctab, STB_LOCAL, 0)
        .symbol("__crc_outside_fn", 12, kcrctab, STB_LOCAL, 0)
        .symbol("__crc_unterminated_fn", 16, kcrctab, STB_LOCAL, 0)
        .symbol("__crc_abs_fn", 20, kcrctab, STB_LOCAL, 0)
        .symbol("__kstrtabns_ns_fn", 1, strings, STB_LOCAL, 0)
        .symbol("__kstrtabns_plain_fn", 0, strings, STB_LOCAL, 0)
        .symbol("__kstrtabns_not_exported", 7, strings, STB_LOCAL, 0)
        .symbol("__kstrtabns_outside_fn", 17, strings, STB_LOCAL, 0)
        .symbol("__kstrtabns_unterminated_fn", 13, strings, STB_LOCAL, 0)
        .symbol("__kstrtabns_abs_fn", 7, SHN_ABS, STB_LOCAL, 0);
    ModuleRecord r = read(b.build());
    assertThat(exports(r),
        contains("ns_fn=1", "plain_fn=2", "silent_fn=3", "outside_fn=4", "unterminated_fn=5", "abs_fn=6"));
    assertThat(namespaces(r), contains("ns_fn=MY_NS", "plain_fn=null", "silent_fn=null", "outside_fn=null",
        "unterminated_fn=null", "abs_fn=null"));
  }

  @Test
  public void namespacesOfKsymtabStringsExports() {
    ElfBuilder b = elf();
    int strings = b.section("__ksymtab_strings", strings("usb_fn", "USB_STORAGE", "other_fn", ""));
    b.symbol("__kstrtabns_usb_fn", 7, strings, STB_LOCAL, 0)
        .symbol("__kstrtabns_other_fn", 28, strings, STB_LOCAL, 0);
    ModuleRecord r = read(b.build());
    assertThat(namespaces(r), contains("usb_fn=USB_STORAGE", "USB_STORAGE=null", "other_fn=null"));
  }

  @Test
  public void ksymtabStringsWithoutFinalNulFailsOnlyTheExportRead() {
    ElfBuilder b = elf().modinfo("alias=kept");
    b.section("__ksymtab_strings", bytes("a_fn\0b_fn"));
    b.undefined("needed", STB_GLOBAL);
    ModuleRecord r = read(b.build());
    assertThat(messages(r), contains(failed("Invalid argument")));
    assertThat(r.getExports(), empty());
    assertThat(modinfo(r), contains("alias=kept"));
    assertThat(imports(r), contains("needed=0"));
  }

  @Test
  public void ksymtabStringsOfAtMostOneByteAfterLeadingNulsExportNothing() {
    for (String content : new String[] {"", "\0", "\0\0\0", "x", "\0\0x"}) {
      ElfBuilder b = elf();
      b.section("__ksymtab_strings", bytes(content));
      ModuleRecord r = read(b.build());
      assertThat(content, r.getExports(), empty());
      assertThat(content, messages(r), empty());
    }
  }

  @Test
  public void symbolNameOutsideStrtabAbandonsCrcsAndImports() {
    ElfBuilder b = elf().ksymtabStrings("from_strings");
    b.symbol("__crc_x", 1, SHN_ABS, STB_GLOBAL, 0).undefined("needed", STB_GLOBAL);
    byte[] file = b.build();
    // Point the last symbol's st_name past the end of .strtab.
    int entry = is64 ? 24 : 16;
    ElfBuilder.Writer w = new ElfBuilder.Writer(bigEndian);
    w.u32(0x7FFFFFFF);
    System.arraycopy(w.toByteArray(), 0, file, sectionOffset(file, ".symtab") + 2 * entry, 4);
    ModuleRecord r = read(file);
    assertThat(exports(r), contains("from_strings=0"));
    assertThat(r.getImports(), empty());
    assertThat(messages(r), empty());
  }

  @Test
  public void nameAtTheEndOfAnUnterminatedStrtabRunsOnIntoTheFollowingBytes() {
    // kmod reads names in place: the last name continues into the next section's bytes.
    ElfBuilder.Writer symtab = new ElfBuilder.Writer(bigEndian);
    symtab.bytes(new byte[is64 ? 24 : 16]);
    symbolEntry(symtab, 1, 5, SHN_ABS);
    symbolEntry(symtab, 9, 0, 0);
    ElfBuilder b = elf();
    b.section(".symtab", symtab.toByteArray());
    b.section(".strtab", bytes("\0__crc_a\0imp_abc")); // 16 bytes: the next section follows directly
    b.section("next", bytes("cd\0"));
    ModuleRecord r = read(b.build());
    assertThat(exports(r), contains("a=5"));
    assertThat(imports(r), contains("imp_abccd=0"));
  }

  private void symbolEntry(ElfBuilder.Writer w, int name, long value, int section) {
    w.u32(name);
    if (is64) {
      w.u8(STB_GLOBAL << 4);
      w.u8(0);
      w.u16(section);
      w.u64(value);
      w.u64(0);
    } else {
      w.u32(value);
      w.u32(0);
      w.u8(STB_GLOBAL << 4);
      w.u8(0);
      w.u16(section);
    }
  }

  @Test
  public void symtabNotWholeEntriesMeansFallbackAndNoImports() {
    ElfBuilder b = elf().ksymtabStrings("from_strings");
    b.section(".symtab", new byte[is64 ? 30 : 20]);
    b.section(".strtab", strings("", "__crc_x"));
    ModuleRecord r = read(b.build());
    assertThat(exports(r), contains("from_strings=0"));
    assertThat(r.getImports(), empty());
  }

  @Test
  public void importsMatchVersionsAndAppendUnmatchedEntries() {
    ElfBuilder b = elf()
        .versions(0xAAL, "module_layout", 0x11L, "printk", 0x22L, "weak_fn", 0x33L, "printk", 0x44L, "unused")
        .undefined("printk", STB_GLOBAL)
        .symbol("defined_here", 0, 1, STB_GLOBAL, 0)
        .undefined("weak_fn", STB_WEAK)
        .undefined("", STB_GLOBAL)
        .undefined("no_version", STB_GLOBAL)
        .undefined("printk", STB_GLOBAL)
        .undefined(".dotted", STB_LOCAL);
    assertThat(imports(read(b.build())), contains("printk=11", "weak weak_fn=22", "no_version=0", "printk=11",
        ".dotted=0", "module_layout=aa", "printk=33", "unused=44"));
  }

  @Test
  public void versionsCrcHasTheWordSize() {
    ElfBuilder b = elf().versions(0x1_0000_0002L, "wide").undefined("wide", STB_GLOBAL);
    assertThat(imports(read(b.build())), contains(is64 ? "wide=100000002" : "wide=2"));
  }

  @Test
  public void versionsOfWrongSizeAreIgnored() {
    ElfBuilder b = elf().undefined("printk", STB_GLOBAL);
    ElfBuilder.Writer w = new ElfBuilder.Writer(bigEndian);
    w.word(0x11, is64);
    w.bytes(Arrays.copyOf(bytes("printk"), 64 - (is64 ? 8 : 4) + 1));
    b.section("__versions", w.toByteArray());
    assertThat(imports(read(b.build())), contains("printk=0"));
  }

  @Test
  public void unterminatedVersionNameIsNeverMatchedAndFailsTheImportList() {
    String full = "x".repeat(64 - (is64 ? 8 : 4));
    ElfBuilder b = elf().versions(1L, full, 2L, "b").undefined(full, STB_GLOBAL).undefined("b", STB_GLOBAL);
    assertThat(read(b.build()).getImports(), empty());
  }

  @Test
  public void sparcRegisterSymbolsAreNotImports() {
    for (int machine : new int[] {2, 43, 62}) {
      ElfBuilder b = elf().machine(machine).undefined("normal", STB_GLOBAL).symbol("%g2", 0, 0, STB_GLOBAL, 13);
      List<String> expected = machine == 62 ? List.of("normal=0", "%g2=0") : List.of("normal=0");
      assertEquals("machine " + machine, expected, imports(read(b.build())));
    }
  }

  @Test
  public void modinfoKeepsEveryEntryInOrder() {
    ElfBuilder b = elf();
    b.section(".modinfo", bytes("\0\0license=GPL\0\0\0alias=pci:v*d*\0softdep=pre: b\0flag\0eq=a=b\0alias=\0last=x"));
    ModuleRecord r = read(b.build());
    assertThat(modinfo(r), contains("license=GPL", "alias=pci:v*d*", "softdep=pre: b", "flag=", "eq=a=b", "alias=",
        "last=x"));
    assertEquals("flag", r.getModinfo().get(3).getKey());
  }

  @Test
  public void modinfoOfAtMostOneByteAfterLeadingNulsIsEmpty() {
    for (String content : new String[] {"", "\0", "x", "\0\0\0x", "\0\0\0"}) {
      ElfBuilder b = elf();
      b.section(".modinfo", bytes(content));
      assertThat(content, read(b.build()).getModinfo(), empty());
    }
  }

  @Test
  public void bytesAboveAsciiRoundTrip() {
    ElfBuilder b = elf().modinfo("alias=\u00e9\u00ff\u0080").ksymtabStrings("sym\u00b5");
    ModuleRecord r = read(b.build());
    assertThat(modinfo(r), contains("alias=\u00e9\u00ff\u0080"));
    assertThat(exports(r), contains("sym\u00b5=0"));
  }

  @Test
  public void firstSectionOfEachNameWins() {
    ElfBuilder b = elf().modinfo("alias=first").modinfo("alias=second");
    assertThat(modinfo(read(b.build())), contains("alias=first"));
  }

  @Test
  public void sectionAtFileOffsetZeroCountsAsAbsent() {
    ElfBuilder b = elf();
    b.add(new ElfBuilder.Section(".modinfo", strings("alias=shadow")).offset(0));
    b.modinfo("alias=later");
    assertThat(read(b.build()).getModinfo(), empty());
  }

  @Test
  public void malformedSectionHeadersAreSkippedDuringLookup() {
    ElfBuilder b = elf();
    b.add(new ElfBuilder.Section(".modinfo", strings("alias=outside")).size(0xFFFF_FF00L));
    b.add(new ElfBuilder.Section(".modinfo", strings("alias=badname")).nameOffset(1 << 20));
    b.modinfo("alias=good");
    assertThat(modinfo(read(b.build())), contains("alias=good"));
  }

  @Test
  public void signatureAfterTheElfIsIgnored() {
    ElfBuilder b = elf().modinfo("alias=x").trailer(bytes("\0\0\0\0\0\0\0\0\0\0\0\0~Module signature appended~\n"));
    ModuleRecord r = read(b.build());
    assertThat(modinfo(r), contains("alias=x"));
    assertThat(messages(r), empty());
  }

  @Test
  public void invalidHeadersFailWithInvalidArgument() {
    List<byte[]> files = List.of(
        elf().sectionHeaderSize(is64 ? 40 : 64).build(),
        elf().sectionCount(0xFFFF).build(),
        elf().sectionTableOffset(-8).build(),
        elf().namesIndex(0).build(), // kmod aborts (assertion); we report EINVAL
        elf().namesIndex(50).build(), // likewise
        elf().namesWithoutNul().build(),
        withByte(elf().build(), 4, 3),
        withByte(elf().build(), 5, 0));
    for (byte[] file : files) {
      ModuleRecord r = read(file);
      assertThat(messages(r), contains(failed("Invalid argument")));
    }
  }

  @Test
  public void nameTableWhoseOwnNameIsOutsideItIsInvalid() {
    byte[] file = elf().build();
    int header = sectionHeader(file, is64 ? u16(file, 62) : u16(file, 50));
    long namesSize = is64 ? u64(file, header + 32) : u32(file, header + 20);
    ElfBuilder.Writer w = new ElfBuilder.Writer(bigEndian);
    w.u32(namesSize);
    System.arraycopy(w.toByteArray(), 0, file, header, 4);
    assertThat(messages(read(file)), contains(failed("Invalid argument")));
  }

  @Test
  public void notElfIsExecFormatError() {
    assertThat(messages(read(withByte(elf().build(), 1, 'X'))), contains(failed("Exec format error")));
  }

  @Test
  public void truncationAtEveryByteNeverThrows() {
    byte[] full = elf().modinfo("alias=a").ksymtabStrings("e").versions(1L, "x").undefined("x", STB_GLOBAL)
        .symbol("__crc_e", 0, SHN_ABS, STB_GLOBAL, 0).build();
    for (int length = 0; length < full.length; length++) {
      ModuleRecord r = read(Arrays.copyOf(full, length));
      String expected = length > 5 && length <= 16 ? "Exec format error" : "Invalid argument";
      assertThat("length " + length, messages(r), contains(failed(expected)));
    }
    assertThat(messages(read(full)), empty());
  }

  private static byte[] withByte(byte[] file, int index, int value) {
    file[index] = (byte) value;
    return file;
  }

  /** File offset of the header of section index. */
  private int sectionHeader(byte[] file, int index) {
    return (int) (is64 ? u64(file, 40) : u32(file, 32)) + index * (is64 ? 64 : 40);
  }

  /** File offset of the data of the first section with the given name. */
  private int sectionOffset(byte[] file, String name) {
    int count = is64 ? u16(file, 60) : u16(file, 48);
    int names = (int) (is64 ? u64(file, sectionHeader(file, is64 ? u16(file, 62) : u16(file, 50)) + 24)
        : u32(file, sectionHeader(file, u16(file, 50)) + 16));
    for (int i = 1; i < count; i++) {
      int h = sectionHeader(file, i);
      int start = names + (int) u32(file, h);
      if (new String(file, start, name.length() + 1, StandardCharsets.ISO_8859_1).equals(name + "\0")) {
        return (int) (is64 ? u64(file, h + 24) : u32(file, h + 16));
      }
    }
    throw new AssertionError("no section " + name);
  }

  private Bytes view(byte[] f) {
    return Bytes.of(ByteBuffer.wrap(f), bigEndian);
  }

  private int u16(byte[] f, int i) {
    return view(f).u16(i);
  }

  private long u32(byte[] f, int i) {
    return view(f).u32(i);
  }

  private long u64(byte[] f, int i) {
    return view(f).u64(i);
  }
}
