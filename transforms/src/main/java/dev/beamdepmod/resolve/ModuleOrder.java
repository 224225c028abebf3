package dev.beamdepmod.resolve;

import static dev.beamdepmod.config.DepmodMessage.error;

import dev.beamdepmod.diagnostics.Console;
import dev.beamdepmod.index.KmodHash;
import dev.beamdepmod.schema.ModuleRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** depmod's module order: module-table hash order, then the ranks given by modules.order. */
final class ModuleOrder {
  private ModuleOrder() {}

  static List<Module> of(Collection<ModuleRecord> records, KernelInputs inputs, Console console) {
    List<ModuleRecord> initial = KmodHash.tableOrder(records, ModuleRecord::getName, KmodHash.MODULE_BUCKETS);
    List<ModuleRecord> ordered = applyModulesOrder(initial, inputs, console);
    List<Module> modules = new ArrayList<>(ordered.size());
    for (ModuleRecord r : ordered) {
      modules.add(Module.of(modules.size(), r));
    }
    return modules;
  }

  private static List<ModuleRecord> applyModulesOrder(
      List<ModuleRecord> initial, KernelInputs inputs, Console console) {
    FileContent file = inputs.modulesOrder();
    if (!file.present()) {
      console.accept(file.couldNotOpen(inputs.dirname(), "modules.order"));
      return initial;
    }
    Map<String, Integer> byKey = new HashMap<>();
    for (int i = 0; i < initial.size(); i++) {
      String key = orderKey(initial.get(i));
      if (key != null) {
        byKey.putIfAbsent(key, i);
      }
    }
    int[] rank = new int[initial.size()];
    Arrays.fill(rank, -1);
    int ranked = 0;
    int lineNumber = 0;
    for (String piece : CText.fgets(file.bytes(), CText.PATH_MAX)) {
      lineNumber++;
      String line = CText.cString(piece);
      if (line.isEmpty()) {
        continue;
      }
      if (line.charAt(line.length() - 1) != '\n') {
        console.accept(error(inputs.dirname() + "/modules.order:" + lineNumber + " corrupted line misses '\\n'"));
        return initial;
      }
      Integer module = byKey.get(line.substring(0, line.length() - 1));
      if (module != null && rank[module] < 0) {
        rank[module] = ranked++;
      }
    }
    ModuleRecord[] ordered = new ModuleRecord[initial.size()];
    int unranked = ranked;
    for (int i = 0; i < initial.size(); i++) {
      ordered[rank[i] >= 0 ? rank[i] : unranked++] = initial.get(i);
    }
    return List.of(ordered);
  }

  /**
   * The string a modules.order line must equal: the relative path cut after the directory, the
   * module name's length and 3 more bytes (".ko" for normal file names); null without relpath.
   */
  static String orderKey(ModuleRecord record) {
    String relpath = record.getRelpath();
    if (relpath == null) {
      return null;
    }
    int length = relpath.lastIndexOf('/') + 1 + record.getName().length() + 3;
    return relpath.substring(0, Math.min(length, relpath.length()));
  }
}
