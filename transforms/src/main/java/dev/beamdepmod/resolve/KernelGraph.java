package dev.beamdepmod.resolve;

import dev.beamdepmod.schema.ModuleRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What depmod resolved for one kernel, kept for comparing kernels: the modules in depmod's module
 * order (indexes 0..size-1), their direct dependencies, unresolved imports and the symbols they own
 * in depmod's symbol table (what modules.symbols lists), and the dependency cycles.
 */
public final class KernelGraph {
  /** A symbol of depmod's table owned by a module (name without the -P character). */
  public record Export(String name, long crc, String namespace) {}

  private final List<Module> modules;
  private final Dependencies deps;
  private final int[] rank;
  private final List<List<Export>> exports;
  private final boolean kernelSymbols;

  KernelGraph(List<Module> modules, Dependencies deps, int[] rank, List<SymbolTable.Symbol> owned,
      boolean kernelSymbols) {
    this.modules = modules;
    this.deps = deps;
    this.rank = rank;
    this.kernelSymbols = kernelSymbols;
    this.exports = new ArrayList<>(modules.size());
    modules.forEach(m -> exports.add(new ArrayList<>(0)));
    for (SymbolTable.Symbol s : owned) {
      exports.get(s.owner()).add(new Export(s.name(), s.crc(), s.namespace()));
    }
    exports.forEach(list -> list.sort(Comparator.comparing(Export::name)));
  }

  public int size() {
    return modules.size();
  }

  public ModuleRecord record(int m) {
    return modules.get(m).record();
  }

  public String name(int m) {
    return modules.get(m).name();
  }

  /** The path modules.dep shows: relative to the module directory, or absolute outside it. */
  public String path(int m) {
    return modules.get(m).printedPath();
  }

  /** The modules m depends on directly, in discovery order (m itself when it uses its own export). */
  public int[] dependencies(int m) {
    return deps.deps()[m].clone();
  }

  /** m's non-weak imports that neither a module nor a kernel symbol (-E/-F) provides, in import order. */
  public List<String> unresolved(int m) {
    return List.copyOf(deps.unresolvedImports().get(m));
  }

  /** The symbols m owns in depmod's table, by name. */
  public List<Export> exports(int m) {
    return List.copyOf(exports.get(m));
  }

  /**
   * Whether kernel symbols were given (-E/-F) and the file held some, so that unresolved imports
   * are really missing (Debian ships a placeholder System.map without symbols).
   */
  public boolean kernelSymbolsKnown() {
    return kernelSymbols;
  }

  /** The dependency cycles: per strongly connected component on a cycle, its modules in module order. */
  public List<int[]> cycles() {
    int[] unranked = IntStream.range(0, rank.length).filter(m -> rank[m] < 0).toArray();
    StrongComponents components = StrongComponents.of(deps.deps(), unranked);
    Map<Integer, List<Integer>> members = new LinkedHashMap<>();
    for (int m : unranked) {
      if (components.onCycle(m, deps.deps())) {
        members.computeIfAbsent(components.component[m], c -> new ArrayList<>()).add(m);
      }
    }
    List<int[]> cycles = new ArrayList<>(members.size());
    members.values().forEach(list -> cycles.add(list.stream().mapToInt(Integer::intValue).toArray()));
    return cycles;
  }
}
