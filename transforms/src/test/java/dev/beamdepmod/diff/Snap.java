package dev.beamdepmod.diff;

import dev.beamdepmod.schema.KernelSnapshot;
import dev.beamdepmod.schema.SnapshotModule;
import dev.beamdepmod.schema.SnapshotParam;
import dev.beamdepmod.schema.SnapshotSymbol;
import java.util.ArrayList;
import java.util.List;

/** Hand-made snapshots for tests. */
final class Snap {
  private final String kernel;
  private final List<SnapshotModule> modules = new ArrayList<>();
  private final List<List<String>> cycles = new ArrayList<>();
  private boolean kernelSymbols;

  private Snap(String kernel) {
    this.kernel = kernel;
  }

  static Snap kernel(String kernel) {
    return new Snap(kernel);
  }

  static SnapshotModule.Builder module(String name, String path) {
    return SnapshotModule.newBuilder().setName(name).setPath(path).setBuiltin(false)
        .setExports(new ArrayList<>()).setDepends(new ArrayList<>()).setUnresolved(new ArrayList<>())
        .setAliases(new ArrayList<>()).setFirmware(new ArrayList<>()).setSoftdeps(new ArrayList<>())
        .setWeakdeps(new ArrayList<>()).setParams(new ArrayList<SnapshotParam>());
  }

  static List<SnapshotSymbol> exports(String... names) {
    List<SnapshotSymbol> list = new ArrayList<>();
    for (String n : names) {
      list.add(new SnapshotSymbol(n, 0L, null));
    }
    return list;
  }

  Snap add(SnapshotModule.Builder module) {
    modules.add(module.build());
    return this;
  }

  Snap cycle(String... members) {
    cycles.add(List.of(members));
    return this;
  }

  Snap kernelSymbolsKnown() {
    kernelSymbols = true;
    return this;
  }

  KernelSnapshot build() {
    return new KernelSnapshot(kernel, kernelSymbols, modules, cycles, null);
  }
}
