package dev.beamdepmod.diff;

import dev.beamdepmod.schema.Change;
import dev.beamdepmod.schema.KernelSnapshot;
import dev.beamdepmod.schema.Lifetime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The comparison of a series of kernels (two for a plain diff): the changes between each
 * consecutive pair and, when asked for, the first and last kernel having each exported symbol
 * and each alias.
 */
public final class SeriesReport {
  /** The changes from one kernel of the series to the next. */
  public record Step(String base, String head, List<Change> changes) {
    /** Number of changes per category, every category present. */
    public Map<Category, Integer> counts() {
      Map<Category, Integer> counts = new EnumMap<>(Category.class);
      for (Category c : Category.values()) {
        counts.put(c, 0);
      }
      changes.forEach(c -> counts.merge(Category.of(c.getCategory()), 1, Integer::sum));
      return counts;
    }
  }

  private final List<String> kernels;
  private final List<Step> steps;
  private final List<Lifetime> lifetimes;

  private SeriesReport(List<String> kernels, List<Step> steps, List<Lifetime> lifetimes) {
    this.kernels = kernels;
    this.steps = steps;
    this.lifetimes = lifetimes;
  }

  /**
   * @param snapshots at least two kernels with distinct keys, oldest first
   * @param withLifetimes whether to find each symbol's and alias's first and last kernel (series mode)
   */
  public static SeriesReport of(List<KernelSnapshot> snapshots, boolean withLifetimes) {
    if (snapshots.size() < 2) {
      throw new IllegalArgumentException("a comparison needs at least two kernels");
    }
    List<String> kernels = snapshots.stream().map(KernelSnapshot::getKernel).toList();
    if (new HashSet<>(kernels).size() != kernels.size()) {
      throw new IllegalArgumentException("the kernels of a comparison need distinct keys: " + kernels);
    }
    List<Step> steps = new ArrayList<>();
    for (int i = 1; i < snapshots.size(); i++) {
      steps.add(new Step(kernels.get(i - 1), kernels.get(i),
          KernelDiff.compare(snapshots.get(i - 1), snapshots.get(i))));
    }
    return new SeriesReport(kernels, steps, withLifetimes ? Lifetimes.of(snapshots) : null);
  }

  /** The kernel keys, oldest first. */
  public List<String> kernels() {
    return kernels;
  }

  public List<Step> steps() {
    return steps;
  }

  public boolean hasLifetimes() {
    return lifetimes != null;
  }

  /** Symbols first, then aliases, each by name; empty unless made with lifetimes. */
  public List<Lifetime> lifetimes() {
    return lifetimes == null ? List.of() : lifetimes;
  }

  /** All changes, step after step. */
  public List<Change> changes() {
    List<Change> all = new ArrayList<>();
    steps.forEach(s -> all.addAll(s.changes()));
    return all;
  }

  /** Number of changes per category over all steps, every category present. */
  public Map<Category, Integer> totals() {
    Map<Category, Integer> totals = new EnumMap<>(Category.class);
    for (Step s : steps) {
      s.counts().forEach((c, n) -> totals.merge(c, n, Integer::sum));
    }
    return totals;
  }

  /** The categories of failOn that have changes (--fail-on: non-empty means a non-zero exit). */
  public Set<Category> failing(Set<Category> failOn) {
    Set<Category> failing = EnumSet.noneOf(Category.class);
    totals().forEach((c, n) -> {
      if (n > 0 && failOn.contains(c)) {
        failing.add(c);
      }
    });
    return failing;
  }
}
