package dev.beamdepmod.module;

import dev.beamdepmod.schema.ImportedSymbol;
import java.util.ArrayList;
import java.util.List;

/** The symbols a module needs (docs/depmod-rules.md §6.6). */
final class Imports {
  private Imports() {}

  /**
   * The undefined symbols of .symtab in table order, each with the CRC of the first __versions entry
   * of the same name, then the __versions entries no symbol matched. Empty in the cases where kmod
   * fails this read silently (no symbol table, a name outside .strtab, an unterminated unmatched
   * __versions name).
   *
   * @throws ReadFailure a whole-module failure when the imports exceed the record budget
   */
  static List<ImportedSymbol> read(ElfModule elf, RecordBudget budget) throws ReadFailure {
    VersionsTable versions = VersionsTable.of(elf);
    ElfSymbols table = ElfSymbols.of(elf);
    if (table == null) {
      return new ArrayList<>(0);
    }
    Bytes names = table.names();
    boolean[] matched = new boolean[versions.count()];
    List<ImportedSymbol> imports = new ArrayList<>();
    for (int i = 1; i < table.count(); i++) {
      if (table.sectionIndex(i) != ElfModule.SHN_UNDEF
          || elf.isSparc() && table.type(i) == ElfSymbols.STT_REGISTER) {
        continue;
      }
      if (!table.hasName(i)) {
        return new ArrayList<>(0);
      }
      int name = table.nameOffset(i);
      int length = names.stringLength(name);
      if (length == 0) {
        continue;
      }
      int version = versions.find(names, name, length);
      long crc = 0;
      if (version >= 0) {
        matched[version] = true;
        crc = versions.crc(version);
      }
      budget.entry(1, length);
      imports.add(new ImportedSymbol(names.string(name, length), table.binding(i) == ElfSymbols.STB_WEAK, crc));
    }
    for (int v = 0; v < versions.count(); v++) {
      if (!matched[v]) {
        if (versions.nameLength(v) < 0) {
          return new ArrayList<>(0);
        }
        budget.entry(1, versions.nameLength(v));
        imports.add(new ImportedSymbol(versions.name(v), false, versions.crc(v)));
      }
    }
    return imports;
  }
}
