package dev.beamdepmod.diff;

import dev.beamdepmod.schema.KernelSnapshot;
import dev.beamdepmod.schema.Lifetime;
import dev.beamdepmod.schema.SnapshotModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * For a series of kernels, the first and last kernel having each exported symbol (as
 * modules.symbols lists them) and each alias (of a loadable or built-in module).
 */
final class Lifetimes {
  private static final class Span {
    int first = -1;
    int last;
    int present;
    String module;

    void seen(int kernel, String by) {
      if (first < 0) {
        first = kernel;
      }
      last = kernel;
      present++;
      module = by;
    }
  }

  private Lifetimes() {}

  static List<Lifetime> of(List<KernelSnapshot> snapshots) {
    Map<String, Span> symbols = new TreeMap<>();
    Map<String, Span> aliases = new TreeMap<>();
    for (int k = 0; k < snapshots.size(); k++) {
      KernelView view = new KernelView(snapshots.get(k));
      int kernel = k;
      view.symbols().forEach((name, owned) ->
          symbols.computeIfAbsent(name, n -> new Span()).seen(kernel, owned.module()));
      Map<String, TreeSet<String>> providers = new TreeMap<>();
      for (SnapshotModule m : view.modules().values()) {
        m.getAliases().forEach(a -> providers.computeIfAbsent(a, x -> new TreeSet<>()).add(m.getName()));
      }
      providers.forEach((alias, modules) ->
          aliases.computeIfAbsent(alias, n -> new Span()).seen(kernel, String.join(" ", modules)));
    }
    List<Lifetime> lifetimes = new ArrayList<>(symbols.size() + aliases.size());
    add("symbol", symbols, snapshots, lifetimes);
    add("alias", aliases, snapshots, lifetimes);
    return lifetimes;
  }

  private static void add(String kind, Map<String, Span> spans, List<KernelSnapshot> snapshots, List<Lifetime> out) {
    spans.forEach((name, s) -> out.add(new Lifetime(kind, name, snapshots.get(s.first).getKernel(),
        snapshots.get(s.last).getKernel(), s.present, s.module)));
  }
}
