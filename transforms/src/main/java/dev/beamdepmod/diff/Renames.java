package dev.beamdepmod.diff;

import dev.beamdepmod.schema.SnapshotModule;
import dev.beamdepmod.schema.SnapshotSymbol;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which removed module (a name only base has) reappears under a new name (a name only head has).
 * A pair qualifies when the two modules share at least half of their exported symbols, or, in the
 * same directory, at least half of their aliases: the Jaccard index |A∩B| / |A∪B| of either set is
 * at least 0.5. Exports catch libraries, aliases catch drivers (which rarely export anything).
 * Pairs are taken best score first (ties by old, then new name); each module joins one pair.
 */
final class Renames {
  static final double THRESHOLD = 0.5;

  private record Candidate(String oldName, String newName, double score) {}

  private Renames() {}

  /** @return old name -> new name */
  static Map<String, String> find(KernelView base, KernelView head) {
    List<SnapshotModule> removed = onlyIn(base, head);
    List<SnapshotModule> added = onlyIn(head, base);
    List<Candidate> candidates = new ArrayList<>();
    Function<SnapshotModule, Collection<String>> exports =
        m -> m.getExports().stream().map(SnapshotSymbol::getName).toList();
    collect(removed, added, exports, false, candidates);
    collect(removed, added, SnapshotModule::getAliases, true, candidates);
    candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
        .thenComparing(Candidate::oldName).thenComparing(Candidate::newName));
    Map<String, String> renames = new HashMap<>();
    Set<String> taken = new HashSet<>();
    for (Candidate c : candidates) {
      if (!renames.containsKey(c.oldName()) && taken.add(c.newName())) {
        renames.put(c.oldName(), c.newName());
      }
    }
    return renames;
  }

  private static List<SnapshotModule> onlyIn(KernelView a, KernelView b) {
    return a.modules().values().stream().filter(m -> b.module(m.getName()) == null).toList();
  }

  /** Adds the qualifying pairs by one kind of item, found through an index from item to added modules. */
  private static void collect(List<SnapshotModule> removed, List<SnapshotModule> added,
      Function<SnapshotModule, Collection<String>> items, boolean sameDirectory, List<Candidate> out) {
    Map<String, List<SnapshotModule>> byItem = new HashMap<>();
    Map<String, Integer> sizes = new HashMap<>();
    for (SnapshotModule a : added) {
      Set<String> set = new HashSet<>(items.apply(a));
      sizes.put(a.getName(), set.size());
      set.forEach(item -> byItem.computeIfAbsent(item, k -> new ArrayList<>()).add(a));
    }
    for (SnapshotModule r : removed) {
      Set<String> set = new HashSet<>(items.apply(r));
      Map<String, Integer> shared = new HashMap<>();
      for (String item : set) {
        for (SnapshotModule a : byItem.getOrDefault(item, List.of())) {
          if (!sameDirectory || directory(a).equals(directory(r))) {
            shared.merge(a.getName(), 1, Integer::sum);
          }
        }
      }
      shared.forEach((name, common) -> {
        double score = common / (double) (set.size() + sizes.get(name) - common);
        if (score >= THRESHOLD) {
          out.add(new Candidate(r.getName(), name, score));
        }
      });
    }
  }

  private static String directory(SnapshotModule m) {
    return m.getPath().substring(0, Math.max(0, m.getPath().lastIndexOf('/')));
  }
}
