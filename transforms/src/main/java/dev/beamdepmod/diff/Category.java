package dev.beamdepmod.diff;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The kinds of change between two kernels, in report order. {@link #id()} is the name used by
 * --fail-on, in the Change records and in report.json. "Module" below is the Change's module
 * field; a built-in module's path ends in " (built-in)" in values.
 */
public enum Category {
  /** A module name only head has (loadable or built-in). new: its path. */
  MODULES_ADDED("Modules added"),
  /** A module name only base has. old: its path. */
  MODULES_REMOVED("Modules removed"),
  /** A removed and an added module taken as one (see {@link Renames}). Module: the new name; item: the old name; old/new: paths. */
  MODULES_RENAMED("Modules renamed"),
  /** Same name, same kind (loadable or built-in), other path (a new compression alone is no move). old/new: paths. */
  MODULES_MOVED("Modules moved"),
  /** Loadable in base, built-in in head. old/new: paths. */
  MODULES_NOW_BUILTIN("Modules now built-in"),
  /** Built-in in base, loadable in head. old/new: paths. */
  MODULES_NOW_LOADABLE("Modules now loadable"),
  /** A symbol in head's modules.symbols only. Module: its owner; item: the symbol. */
  SYMBOLS_ADDED("Exported symbols added"),
  /** A symbol in base's modules.symbols only. Module: its base owner; new: "built-in" when that module is built-in in head. */
  SYMBOLS_REMOVED("Exported symbols removed"),
  /** A symbol owned by another module. Module: the head owner; old/new: owners. */
  SYMBOLS_MOVED("Exported symbols moved to another module"),
  /** A symbol's modversions CRC changed. Module: the head owner; old/new: CRCs as 0x%08x. */
  CRC_CHANGED("Symbol CRCs changed"),
  /** A symbol's namespace changed. Module: the head owner; old/new: namespaces (null: none). */
  NAMESPACE_CHANGED("Symbol namespaces changed"),
  /**
   * A module's import nothing in head provides, which was not unresolved for it in base. Without
   * kernel symbols (-E/-F) only symbols some base module exported count, and not when that module
   * is built-in in head (others may come from vmlinux). Module: the importer; item: the symbol;
   * old: its base owner, if a module.
   */
  SYMBOLS_UNRESOLVED("Symbols that became unresolved"),
  /** A direct dependency edge added. Item: the module depended on. */
  DEPS_ADDED("Dependencies added"),
  /** A direct dependency edge removed (renamed dependencies count as kept). Item: the module depended on. */
  DEPS_REMOVED("Dependencies removed"),
  /** A dependency cycle (its set of modules) not in base. Module: its first member by name; item: all members. */
  CYCLES_ADDED("New dependency cycles"),
  /** Item: the alias as the module declares it. */
  ALIASES_ADDED("Aliases added"),
  /** Item: the alias; the hardware or name no longer autoloads this module. */
  ALIASES_REMOVED("Aliases removed"),
  FIRMWARE_ADDED("Firmware references added"),
  FIRMWARE_REMOVED("Firmware references removed"),
  SOFTDEPS_ADDED("Softdeps added"),
  SOFTDEPS_REMOVED("Softdeps removed"),
  WEAKDEPS_ADDED("Weakdeps added"),
  WEAKDEPS_REMOVED("Weakdeps removed"),
  /** Item: the parameter; new: its type. */
  PARAMS_ADDED("Module parameters added"),
  /** Item: the parameter; old: its type. */
  PARAMS_REMOVED("Module parameters removed"),
  /** Item: the parameter; old/new: its types. */
  PARAMS_CHANGED("Module parameter types changed");

  private final String title;

  Category(String title) {
    this.title = title;
  }

  /** The --fail-on name, e.g. "crc-changed". */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public String title() {
    return title;
  }

  public static Category of(String id) {
    for (Category c : values()) {
      if (c.id().equals(id)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown change category '" + id + "'; valid: all, "
        + Stream.of(values()).map(Category::id).collect(Collectors.joining(", ")));
  }

  /** A --fail-on value: comma-separated ids, or "all"; empty items are ignored. */
  public static Set<Category> parseList(String list) {
    Set<Category> set = EnumSet.noneOf(Category.class);
    for (String id : list.split(",")) {
      String trimmed = id.trim();
      if (trimmed.equals("all")) {
        set.addAll(EnumSet.allOf(Category.class));
      } else if (!trimmed.isEmpty()) {
        set.add(of(trimmed));
      }
    }
    return set;
  }
}
