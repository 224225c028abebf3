package dev.beamdepmod.module;

import dev.beamdepmod.schema.ExportedSymbol;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The namespace of each export, which depmod ignores but kernel comparisons report. Since Linux
 * 5.5 every export has a local symbol __kstrtabns_NAME pointing at its namespace string (usually in
 * __ksymtab_strings; an empty string means none), with or without modversions; when several point
 * at one export, the last one in the table counts. Anything missing or inconsistent simply leaves
 * the namespace null: this never changes what depmod sees of a module.
 */
final class Namespaces {
  private static final byte[] PREFIX = "__kstrtabns_".getBytes(StandardCharsets.ISO_8859_1);

  private Namespaces() {}

  /** A namespace string to read: where it starts in the file, where its section ends, whose it is. */
  private record Wanted(long start, long sectionEnd, ExportedSymbol export) {}

  /**
   * Sets the namespace of the exports that have one, as long as the strings fit the record budget
   * (the rest stay null). The strings are looked for in file order, so that each byte of the file is
   * scanned at most once however many symbols point into it, and each string is made once however
   * many exports share it.
   */
  static void assign(ElfModule elf, List<ExportedSymbol> exports, RecordBudget budget) {
    try {
      ElfSymbols table = exports.isEmpty() ? null : ElfSymbols.of(elf);
      if (table == null) {
        return;
      }
      Wanted[] wanted = wanted(elf, table, exports);
      Arrays.sort(wanted, (a, b) -> Long.compare(a.start(), b.start()));
      Map<Long, String> strings = new HashMap<>();
      long nul = -1;
      for (Wanted w : wanted) {
        if (nul < w.start()) {
          nul = elf.nextNul(w.start(), Long.MAX_VALUE);
          if (nul < 0) {
            return; // no NUL up to the end of the file: no string from here on is terminated
          }
        }
        if (nul >= w.sectionEnd()) {
          continue;
        }
        String namespace = strings.get(w.start());
        if (namespace == null) {
          if (!budget.tryString(nul - w.start())) {
            return;
          }
          namespace = elf.string(w.start(), (int) (nul - w.start()));
          strings.put(w.start(), namespace);
        }
        w.export().setNamespace(namespace.isEmpty() ? null : namespace);
      }
    } catch (ReadFailure f) {
      // a section that cannot be read now leaves the remaining namespaces unknown
    }
  }

  /** For each export with a __kstrtabns_ symbol, the last such symbol's string, if inside its section. */
  private static Wanted[] wanted(ElfModule elf, ElfSymbols table, List<ExportedSymbol> exports) {
    Map<String, ExportedSymbol> byName = new HashMap<>();
    for (ExportedSymbol e : exports) {
      byName.putIfAbsent(e.getName(), e);
    }
    Map<ExportedSymbol, Integer> last = new IdentityHashMap<>();
    Bytes names = table.names();
    for (int i = 1; i < table.count(); i++) {
      long name = table.nameOffset(i);
      if (name < 0 || name >= names.length() || !names.startsWith((int) name, PREFIX)) {
        continue;
      }
      int start = (int) name + PREFIX.length;
      ExportedSymbol export = byName.get(names.string(start, names.stringLength(start)));
      if (export != null) {
        last.put(export, i);
      }
    }
    return last.entrySet().stream()
        .map(e -> wanted(elf, table, e.getValue(), e.getKey()))
        .filter(w -> w != null)
        .toArray(Wanted[]::new);
  }

  private static Wanted wanted(ElfModule elf, ElfSymbols table, int i, ExportedSymbol export) {
    long start = elf.sectionStart(table.sectionIndex(i));
    long offset = table.value(i);
    if (start < 0 || Long.compareUnsigned(offset, elf.sectionEnd(table.sectionIndex(i)) - start) >= 0) {
      return null;
    }
    return new Wanted(start + offset, elf.sectionEnd(table.sectionIndex(i)), export);
  }
}
