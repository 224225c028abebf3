package dev.beamdepmod.diff;

import dev.beamdepmod.schema.SnapshotModule;
import dev.beamdepmod.schema.SnapshotParam;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The modinfo entries a comparison looks at (alias, firmware, softdep, weakdep, parm, parmtype),
 * collected from a module's .modinfo or from modules.builtin.modinfo alike.
 */
final class ModinfoFacts {
  private final Set<String> aliases = new LinkedHashSet<>();
  private final Set<String> firmware = new LinkedHashSet<>();
  private final Set<String> softdeps = new LinkedHashSet<>();
  private final Set<String> weakdeps = new LinkedHashSet<>();
  /** Parameter name -> type (null until a parmtype names it). */
  private final Map<String, String> params = new LinkedHashMap<>();

  void add(String key, String value) {
    switch (key) {
      case "alias" -> aliases.add(value);
      case "firmware" -> firmware.add(value);
      case "softdep" -> softdeps.add(value);
      case "weakdep" -> weakdeps.add(value);
      // "name:description" and "name:type"
      case "parm" -> params.putIfAbsent(paramName(value), null);
      case "parmtype" -> {
        String name = paramName(value);
        if (params.get(name) == null) {
          params.put(name, value.substring(Math.min(value.length(), name.length() + 1)));
        }
      }
      default -> {}
    }
  }

  boolean hasAliases() {
    return !aliases.isEmpty();
  }

  /** Sets the modinfo fields of a snapshot module. */
  void fill(SnapshotModule.Builder module) {
    module.setAliases(new ArrayList<>(aliases))
        .setFirmware(new ArrayList<>(firmware))
        .setSoftdeps(new ArrayList<>(softdeps))
        .setWeakdeps(new ArrayList<>(weakdeps));
    var list = new ArrayList<SnapshotParam>(params.size());
    params.forEach((name, type) -> list.add(new SnapshotParam(name, type)));
    module.setParams(list);
  }

  private static String paramName(String value) {
    int colon = value.indexOf(':');
    return colon < 0 ? value : value.substring(0, colon);
  }
}
