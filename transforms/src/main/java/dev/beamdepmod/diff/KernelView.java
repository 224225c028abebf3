package dev.beamdepmod.diff;

import dev.beamdepmod.schema.KernelSnapshot;
import dev.beamdepmod.schema.SnapshotModule;
import dev.beamdepmod.schema.SnapshotSymbol;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** A snapshot indexed by module name and by symbol name. */
final class KernelView {
  /** A symbol with the module owning it. */
  record Owned(String module, SnapshotSymbol symbol) {}

  private final KernelSnapshot snapshot;
  private final Map<String, SnapshotModule> modules = new HashMap<>();
  private final Map<String, Owned> symbols = new HashMap<>();

  KernelView(KernelSnapshot snapshot) {
    this.snapshot = snapshot;
    // a loadable module hides a built-in one of the same name (they come first)
    for (SnapshotModule m : snapshot.getModules()) {
      if (modules.putIfAbsent(m.getName(), m) == null) {
        for (SnapshotSymbol s : m.getExports()) {
          symbols.put(s.getName(), new Owned(m.getName(), s));
        }
      }
    }
  }

  String kernel() {
    return snapshot.getKernel();
  }

  boolean kernelSymbolsKnown() {
    return snapshot.getKernelSymbolsKnown();
  }

  /** The module of that name, or null. */
  SnapshotModule module(String name) {
    return modules.get(name);
  }

  Map<String, SnapshotModule> modules() {
    return modules;
  }

  /** The owner of a symbol, or null. */
  Owned symbol(String name) {
    return symbols.get(name);
  }

  Map<String, Owned> symbols() {
    return symbols;
  }

  List<List<String>> cycles() {
    return snapshot.getCycles();
  }

  /** Module names of both kernels, sorted. */
  static TreeSet<String> moduleNames(KernelView a, KernelView b) {
    TreeSet<String> names = new TreeSet<>(a.modules.keySet());
    names.addAll(b.modules.keySet());
    return names;
  }
}
