package dev.beamdepmod.module;

import dev.beamdepmod.schema.ModinfoEntry;
import java.util.ArrayList;
import java.util.List;

/** The key=value strings of .modinfo, all of them in file order (docs/depmod-rules.md §6.7). */
final class Modinfo {
  private Modinfo() {}

  /** @throws ReadFailure a whole-module failure when the entries exceed the record budget */
  static List<ModinfoEntry> read(ElfModule elf, RecordBudget budget) throws ReadFailure {
    Bytes section = elf.section(ElfModule.Named.MODINFO);
    int start = section == null ? -1 : StringList.start(section);
    List<ModinfoEntry> entries = new ArrayList<>();
    if (start >= 0) {
      StringList.forEach(section, start, (from, length) -> {
        budget.entry(2, length);
        entries.add(entry(section, from, length));
      });
    }
    return entries;
  }

  /** Split at the first '='; without one the whole string is the key and the value is empty. */
  private static ModinfoEntry entry(Bytes section, int from, int length) {
    for (int i = 0; i < length; i++) {
      if (section.u8(from + i) == '=') {
        return new ModinfoEntry(section.string(from, i), section.string(from + i + 1, length - i - 1));
      }
    }
    return new ModinfoEntry(section.string(from, length), "");
  }
}
