package dev.beamdepmod.module;

import dev.beamdepmod.schema.ExportedSymbol;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The symbols a module exports (docs/depmod-rules.md §6.4, §6.5); {@link Namespaces} adds their namespaces. */
final class Exports {
  private static final byte[] CRC_PREFIX = "__crc_".getBytes(StandardCharsets.ISO_8859_1);

  private Exports() {}

  /**
   * The __crc_ symbols of .symtab when there are any (modversions), else the strings of
   * __ksymtab_strings; empty when neither exists.
   *
   * @throws ReadFailure EINVAL for a __ksymtab_strings without final NUL; an abort failure for a CRC
   *     symbol whose section index is out of range; a whole-module failure when the exports exceed
   *     the record budget
   */
  static List<ExportedSymbol> read(ElfModule elf, RecordBudget budget) throws ReadFailure {
    ElfSymbols table = ElfSymbols.of(elf);
    List<ExportedSymbol> withCrcs = table == null ? null : crcSymbols(elf, table, budget);
    return withCrcs != null ? withCrcs : ksymtabStrings(elf, budget);
  }

  /** The __crc_ exports, or null when the table yields none or has a name outside .strtab. */
  private static List<ExportedSymbol> crcSymbols(ElfModule elf, ElfSymbols table, RecordBudget budget)
      throws ReadFailure {
    Bytes names = table.names();
    int count = 0;
    for (int i = 1; i < table.count(); i++) {
      if (!table.hasName(i)) {
        return null;
      }
      if (names.startsWith(table.nameOffset(i), CRC_PREFIX)) {
        count++;
      }
    }
    if (count == 0) {
      return null;
    }
    List<ExportedSymbol> exports = new ArrayList<>(count);
    for (int i = 1; i < table.count(); i++) {
      int name = table.nameOffset(i);
      if (names.startsWith(name, CRC_PREFIX)) {
        int start = name + CRC_PREFIX.length;
        int length = names.stringLength(start);
        budget.entry(1, length);
        String symbol = names.string(start, length);
        exports.add(new ExportedSymbol(symbol, crc(elf, table, i), null));
      }
    }
    return exports;
  }

  /** The CRC is the symbol value itself, or a 4-byte value at that offset in the symbol's section. */
  private static long crc(ElfModule elf, ElfSymbols table, int i) throws ReadFailure {
    int section = table.sectionIndex(i);
    long value = table.value(i);
    if (section == ElfModule.SHN_UNDEF || section == ElfModule.SHN_ABS) {
      return value;
    }
    if (section >= elf.sectionCount()) {
      throw ReadFailure.abort();
    }
    return elf.u32InSection(section, value);
  }

  private static List<ExportedSymbol> ksymtabStrings(ElfModule elf, RecordBudget budget) throws ReadFailure {
    Bytes strings = elf.section(ElfModule.Named.KSYMTAB_STRINGS);
    int start = strings == null ? -1 : StringList.start(strings);
    if (start < 0) {
      return new ArrayList<>(0);
    }
    if (strings.u8(strings.length() - 1) != 0) {
      throw ReadFailure.of(Errno.EINVAL);
    }
    List<ExportedSymbol> exports = new ArrayList<>();
    StringList.forEach(strings, start, (from, length) -> {
      budget.entry(1, length);
      exports.add(new ExportedSymbol(strings.string(from, length), 0L, null));
    });
    return exports;
  }
}
