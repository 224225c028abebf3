package dev.beamdepmod.check;

import dev.beamdepmod.schema.ModinfoEntry;
import dev.beamdepmod.schema.ModuleRecord;
import java.util.ArrayList;
import java.util.List;

/** modinfo values of a module record by key. */
public final class ModinfoValues {
  private ModinfoValues() {}

  /** A kernel's vermagic: the first its modules have, null when none has one. */
  public static String vermagic(Iterable<ModuleRecord> modules) {
    for (ModuleRecord m : modules) {
      String v = first(m, "vermagic");
      if (v != null) return v;
    }
    return null;
  }

  static String first(ModuleRecord m, String key) {
    for (ModinfoEntry e : m.getModinfo()) if (e.getKey().equals(key)) return e.getValue();
    return null;
  }

  static List<String> all(ModuleRecord m, String key) {
    List<String> values = new ArrayList<>();
    for (ModinfoEntry e : m.getModinfo()) if (e.getKey().equals(key)) values.add(e.getValue());
    return values;
  }
}
