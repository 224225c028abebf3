package dev.beamdepmod.module;

/**
 * The __versions table: 64-byte entries of a CRC (4 bytes in 32-bit files, 8 in 64-bit ones, file
 * byte order) followed by a NUL-padded name. Indexed by name for the import matching.
 */
final class VersionsTable {
  private static final VersionsTable EMPTY = new VersionsTable(null, 0, 0);

  private final Bytes entries;
  private final int crcSize;
  private final int count;
  /** Open-addressing index: entry number + 1 of the first entry with each (terminated) name, 0 = free. */
  private final int[] slots;

  private VersionsTable(Bytes entries, int crcSize, int count) {
    this.entries = entries;
    this.crcSize = crcSize;
    this.count = count;
    this.slots = new int[count == 0 ? 1 : Integer.highestOneBit(count) << 2];
    for (int i = 0; i < count; i++) {
      int length = nameLength(i);
      if (length >= 0 && find(entries, nameStart(i), length) < 0) {
        slots[freeSlot(entries.hash(nameStart(i), length))] = i + 1;
      }
    }
  }

  /** The module's table; empty when the section is absent or not a whole number of entries. */
  static VersionsTable of(ElfModule elf) throws ReadFailure {
    long size = elf.sectionSize(ElfModule.Named.VERSIONS);
    if (size <= 0 || size % ElfModule.VERSION_ENTRY_SIZE != 0) {
      return EMPTY;
    }
    return new VersionsTable(elf.section(ElfModule.Named.VERSIONS), elf.is64() ? 8 : 4,
        (int) (size / ElfModule.VERSION_ENTRY_SIZE));
  }

  int count() {
    return count;
  }

  long crc(int i) {
    return entries.word(i * ElfModule.VERSION_ENTRY_SIZE, crcSize == 8);
  }

  /** Length of entry i's name, or -1 when the name fills its whole field without a NUL. */
  int nameLength(int i) {
    int max = ElfModule.VERSION_ENTRY_SIZE - crcSize;
    int length = entries.stringLength(nameStart(i), max);
    return length == max ? -1 : length;
  }

  String name(int i) {
    return entries.string(nameStart(i), nameLength(i));
  }

  /** The first entry whose (NUL-terminated) name equals the given bytes, or -1. */
  int find(Bytes names, int start, int length) {
    int mask = slots.length - 1;
    for (int slot = names.hash(start, length) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
      int i = slots[slot] - 1;
      if (names.stringEquals(start, length, entries, nameStart(i), nameLength(i))) {
        return i;
      }
    }
    return -1;
  }

  private int freeSlot(int hash) {
    int mask = slots.length - 1;
    int slot = hash & mask;
    while (slots[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private int nameStart(int i) {
    return i * ElfModule.VERSION_ENTRY_SIZE + crcSize;
  }
}
