package dev.beamdepmod.resolve;

import dev.beamdepmod.schema.ModinfoEntry;
import dev.beamdepmod.schema.ModuleRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * A module at its place in depmod's module order, with the modinfo values depmod keeps.
 *
 * @param index position in the module order, the priority in the indexes
 * @param printedPath what modules.dep shows: the relative path, or the absolute one outside the directory
 */
record Module(
    int index,
    ModuleRecord record,
    String name,
    String path,
    String printedPath,
    List<String> aliases,
    List<String> softdeps,
    List<String> weakdeps) {

  static Module of(int index, ModuleRecord record) {
    List<String> aliases = new ArrayList<>();
    List<String> softdeps = new ArrayList<>();
    List<String> weakdeps = new ArrayList<>();
    for (ModinfoEntry e : record.getModinfo()) {
      switch (e.getKey()) {
        case "alias" -> aliases.add(e.getValue());
        case "softdep" -> softdeps.add(e.getValue());
        case "weakdep" -> weakdeps.add(e.getValue());
        default -> {}
      }
    }
    String relpath = record.getRelpath();
    return new Module(
        index,
        record,
        record.getName(),
        record.getPath(),
        relpath != null ? relpath : record.getPath(),
        aliases,
        softdeps,
        weakdeps);
  }
}
