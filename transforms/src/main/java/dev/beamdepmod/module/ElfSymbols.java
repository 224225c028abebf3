package dev.beamdepmod.module;

/** The .symtab entries of a module with their names in .strtab, in the file's ELF class. */
final class ElfSymbols {
  static final int STB_WEAK = 2;
  static final int STT_REGISTER = 13;

  private final Bytes symbols;
  private final Bytes names;
  private final long namesSize;
  private final boolean is64;
  private final int entrySize;
  private final int count;

  private ElfSymbols(Bytes symbols, Bytes names, long namesSize, boolean is64) {
    this.symbols = symbols;
    this.names = names;
    this.namesSize = namesSize;
    this.is64 = is64;
    this.entrySize = entrySize(is64);
    this.count = symbols.length() / entrySize;
  }

  static int entrySize(boolean is64) {
    return is64 ? 24 : 16;
  }

  /** The table, or null when .strtab or .symtab is absent or .symtab is not a whole number of entries. */
  static ElfSymbols of(ElfModule elf) throws ReadFailure {
    int entrySize = entrySize(elf.is64());
    if (elf.sectionSize(ElfModule.Named.STRTAB) < 0 || elf.sectionSize(ElfModule.Named.SYMTAB) < 0
        || elf.sectionSize(ElfModule.Named.SYMTAB) % entrySize != 0) {
      return null;
    }
    return new ElfSymbols(elf.section(ElfModule.Named.SYMTAB), elf.sectionThroughNul(ElfModule.Named.STRTAB),
        elf.sectionSize(ElfModule.Named.STRTAB), elf.is64());
  }

  /** Number of entries, including the null entry 0 that depmod skips. */
  int count() {
    return count;
  }

  /**
   * The .strtab contents the name offsets point into (continued past the section when its last
   * string is unterminated, see {@link ElfModule#sectionThroughNul}).
   */
  Bytes names() {
    return names;
  }

  /** Whether entry i's name starts inside .strtab; kmod gives up on the table when one does not. */
  boolean hasName(int i) {
    return symbols.u32(i * entrySize) < namesSize;
  }

  /** st_name: offset of the entry's name in .strtab; only meaningful when {@link #hasName}. */
  int nameOffset(int i) {
    return (int) symbols.u32(i * entrySize);
  }

  long value(int i) {
    return symbols.word(i * entrySize + (is64 ? 8 : 4), is64);
  }

  int sectionIndex(int i) {
    return symbols.u16(i * entrySize + (is64 ? 6 : 14));
  }

  int binding(int i) {
    return info(i) >>> 4;
  }

  int type(int i) {
    return info(i) & 0xF;
  }

  private int info(int i) {
    return symbols.u8(i * entrySize + (is64 ? 4 : 12));
  }
}
