package dev.beamdepmod.diff;

import dev.beamdepmod.discovery.ModuleFiles;
import dev.beamdepmod.schema.Change;
import dev.beamdepmod.schema.KernelSnapshot;
import dev.beamdepmod.schema.SnapshotModule;
import dev.beamdepmod.schema.SnapshotParam;
import dev.beamdepmod.schema.SnapshotSymbol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The changes from one kernel to the next (categories in {@link Category}). Modules are matched by
 * name, loadable or built-in alike, and renamed modules ({@link Renames}) with their new name; the
 * per-module lists (aliases, firmware, softdeps, weakdeps, parameters, dependencies) are compared
 * between matched modules, and a module without match has all of its entries added or removed.
 * Symbols are compared kernel-wide, as modules.symbols lists them.
 */
public final class KernelDiff {
  private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
  /** The order of the changes: category, module, item, old value, new value. */
  public static final Comparator<Change> ORDER =
      Comparator.comparing((Change c) -> Category.of(c.getCategory()))
          .thenComparing(Change::getModule)
          .thenComparing(Change::getItem, NULLS_FIRST)
          .thenComparing(Change::getOldValue, NULLS_FIRST)
          .thenComparing(Change::getNewValue, NULLS_FIRST);

  private final KernelView base;
  private final KernelView head;
  private final Map<String, String> renames;
  private final List<Change> changes = new ArrayList<>();

  private KernelDiff(KernelSnapshot base, KernelSnapshot head) {
    this.base = new KernelView(base);
    this.head = new KernelView(head);
    this.renames = Renames.find(this.base, this.head);
  }

  /** @return the changes from base to head in {@link #ORDER} */
  public static List<Change> compare(KernelSnapshot base, KernelSnapshot head) {
    KernelDiff diff = new KernelDiff(base, head);
    diff.modules();
    diff.symbols();
    diff.cycles();
    diff.changes.sort(ORDER);
    return diff.changes;
  }

  private void add(Category category, String module, String item, String oldValue, String newValue) {
    changes.add(new Change(category.id(), base.kernel(), head.kernel(), module, item, oldValue, newValue));
  }

  private void modules() {
    Set<String> renamedTo = new HashSet<>(renames.values());
    for (String name : KernelView.moduleNames(base, head)) {
      SnapshotModule b = base.module(name);
      SnapshotModule h = head.module(name);
      if (b != null && h != null) {
        if (b.getBuiltin() != h.getBuiltin()) {
          add(h.getBuiltin() ? Category.MODULES_NOW_BUILTIN : Category.MODULES_NOW_LOADABLE,
              name, null, path(b), path(h));
        } else if (!ModuleFiles.uncompressed(b.getPath()).equals(ModuleFiles.uncompressed(h.getPath()))) {
          add(Category.MODULES_MOVED, name, null, path(b), path(h));
        }
        entries(b, h);
      } else if (b != null && renames.containsKey(name)) {
        h = head.module(renames.get(name));
        add(Category.MODULES_RENAMED, h.getName(), name, path(b), path(h));
        entries(b, h);
      } else if (b != null) {
        add(Category.MODULES_REMOVED, name, null, path(b), null);
        entries(b, null);
      } else if (!renamedTo.contains(name)) {
        add(Category.MODULES_ADDED, name, null, null, path(h));
        entries(null, h);
      }
    }
  }

  private static String path(SnapshotModule m) {
    if (!m.getBuiltin()) {
      return m.getPath();
    }
    return m.getPath().isEmpty() ? "(built-in)" : m.getPath() + " (built-in)";
  }

  /** The per-module lists of a module pair; either side may be null (no such module). */
  private void entries(SnapshotModule b, SnapshotModule h) {
    String module = h != null ? h.getName() : b.getName();
    compare(module, b, h, SnapshotModule::getAliases, Category.ALIASES_ADDED, Category.ALIASES_REMOVED);
    compare(module, b, h, SnapshotModule::getFirmware, Category.FIRMWARE_ADDED, Category.FIRMWARE_REMOVED);
    compare(module, b, h, SnapshotModule::getSoftdeps, Category.SOFTDEPS_ADDED, Category.SOFTDEPS_REMOVED);
    compare(module, b, h, SnapshotModule::getWeakdeps, Category.WEAKDEPS_ADDED, Category.WEAKDEPS_REMOVED);
    params(module, b, h);
    // built-in modules have no dependencies: a module turning built-in does not lose any
    if ((b == null || !b.getBuiltin()) && (h == null || !h.getBuiltin())) {
      // under head's names: a dependency that was renamed keeps its edge
      List<String> old = b == null ? List.of() : b.getDepends().stream().map(d -> renames.getOrDefault(d, d)).toList();
      compare(module, old, h == null ? List.of() : h.getDepends(), Category.DEPS_ADDED, Category.DEPS_REMOVED);
    }
    if (h != null) {
      unresolved(h, b);
    }
  }

  private void compare(String module, SnapshotModule b, SnapshotModule h,
      Function<SnapshotModule, List<String>> list, Category added, Category removed) {
    compare(module, b == null ? List.of() : list.apply(b), h == null ? List.of() : list.apply(h), added, removed);
  }

  private void compare(String module, List<String> oldList, List<String> newList, Category added, Category removed) {
    Set<String> old = new TreeSet<>(oldList);
    Set<String> now = new TreeSet<>(newList);
    for (String s : now) {
      if (!old.contains(s)) {
        add(added, module, s, null, null);
      }
    }
    for (String s : old) {
      if (!now.contains(s)) {
        add(removed, module, s, null, null);
      }
    }
  }

  private void params(String module, SnapshotModule b, SnapshotModule h) {
    Map<String, String> old = params(b);
    Map<String, String> now = params(h);
    now.forEach((name, type) -> {
      if (!old.containsKey(name)) {
        add(Category.PARAMS_ADDED, module, name, null, type);
      } else if (!Objects.equals(old.get(name), type)) {
        add(Category.PARAMS_CHANGED, module, name, old.get(name), type);
      }
    });
    old.forEach((name, type) -> {
      if (!now.containsKey(name)) {
        add(Category.PARAMS_REMOVED, module, name, type, null);
      }
    });
  }

  private static Map<String, String> params(SnapshotModule m) {
    Map<String, String> params = new LinkedHashMap<>();
    if (m != null) {
      for (SnapshotParam p : m.getParams()) {
        params.put(p.getName(), p.getType());
      }
    }
    return params;
  }

  /**
   * Imports of a head module that nothing provides and that were not unresolved for it in base.
   * Without kernel symbols an import may well come from vmlinux, so only symbols that a base
   * module exported count then, unless that module is built into head's vmlinux.
   */
  private void unresolved(SnapshotModule h, SnapshotModule b) {
    Set<String> before = b == null ? Set.of() : new HashSet<>(b.getUnresolved());
    for (String symbol : h.getUnresolved()) {
      KernelView.Owned owner = base.symbol(symbol);
      SnapshotModule ownerNow = owner == null ? null : head.module(owner.module());
      boolean inVmlinux = ownerNow != null && ownerNow.getBuiltin();
      if (!before.contains(symbol) && (head.kernelSymbolsKnown() || owner != null && !inVmlinux)) {
        add(Category.SYMBOLS_UNRESOLVED, h.getName(), symbol, owner == null ? null : owner.module(), null);
      }
    }
  }

  private void symbols() {
    TreeSet<String> names = new TreeSet<>(base.symbols().keySet());
    names.addAll(head.symbols().keySet());
    for (String name : names) {
      KernelView.Owned b = base.symbol(name);
      KernelView.Owned h = head.symbol(name);
      if (b == null) {
        add(Category.SYMBOLS_ADDED, h.module(), name, null, null);
      } else if (h == null) {
        SnapshotModule now = head.module(b.module());
        add(Category.SYMBOLS_REMOVED, b.module(), name, null,
            now != null && now.getBuiltin() ? "built-in" : null);
      } else {
        symbolChanges(name, b, h);
      }
    }
  }

  private void symbolChanges(String name, KernelView.Owned b, KernelView.Owned h) {
    if (!b.module().equals(h.module())) {
      add(Category.SYMBOLS_MOVED, h.module(), name, b.module(), h.module());
    }
    SnapshotSymbol old = b.symbol();
    SnapshotSymbol now = h.symbol();
    if (old.getCrc() != now.getCrc()) {
      add(Category.CRC_CHANGED, h.module(), name, crc(old.getCrc()), crc(now.getCrc()));
    }
    if (!Objects.equals(old.getNamespace(), now.getNamespace())) {
      add(Category.NAMESPACE_CHANGED, h.module(), name, old.getNamespace(), now.getNamespace());
    }
  }

  private static String crc(long crc) {
    return String.format("0x%08x", crc);
  }

  /** Cycles (as sets of modules, under head's names) that base did not have. */
  private void cycles() {
    Set<Set<String>> before = new HashSet<>();
    for (List<String> cycle : base.cycles()) {
      Set<String> members = new TreeSet<>();
      cycle.forEach(m -> members.add(renames.getOrDefault(m, m)));
      before.add(members);
    }
    for (List<String> cycle : head.cycles()) {
      TreeSet<String> members = new TreeSet<>(cycle);
      if (!before.contains(members)) {
        add(Category.CYCLES_ADDED, members.first(), String.join(" ", members), null, null);
      }
    }
  }
}
