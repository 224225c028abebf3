package dev.beamdepmod.module;

import dev.beamdepmod.schema.ExportedSymbol;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The namespace of each export, which depmod ignores but kernel comparisons report. Since Linux
 * 5.5 every export has a local symbol __kstrtabns_NAME pointing at its namespace string (usually in
 * __ksymtab_strings; an empty string means none), with or without modversions. Anything missing or
 * inconsistent simply leaves the namespace null: this never changes what depmod sees of a module.
 */
final class Namespaces {
  private static final byte[] PREFIX = "__kstrtabns_".getBytes(StandardCharsets.ISO_8859_1);
  /** Longer strings are no namespace names (real ones are a few dozen bytes). */
  private static final int MAX_LENGTH = 1024;

  private Namespaces() {}

  /** Sets the namespace of the exports that have one. @param table null when the module has none */
  static void assign(ElfModule elf, ElfSymbols table, List<ExportedSymbol> exports) {
    if (table == null || exports.isEmpty()) {
      return;
    }
    Map<String, ExportedSymbol> byName = new HashMap<>();
    for (ExportedSymbol e : exports) {
      byName.putIfAbsent(e.getName(), e);
    }
    Bytes names = table.names();
    try {
      for (int i = 1; i < table.count(); i++) {
        long name = table.nameOffset(i);
        if (name < 0 || name >= names.length() || !names.startsWith((int) name, PREFIX)) {
          continue;
        }
        int start = (int) name + PREFIX.length;
        ExportedSymbol export = byName.get(names.string(start, names.stringLength(start)));
        if (export != null) {
          String namespace = elf.stringInSection(table.sectionIndex(i), table.value(i), MAX_LENGTH);
          export.setNamespace(namespace == null || namespace.isEmpty() ? null : namespace);
        }
      }
    } catch (ReadFailure f) {
      // a section that cannot be read now leaves the remaining namespaces unknown
    }
  }
}
