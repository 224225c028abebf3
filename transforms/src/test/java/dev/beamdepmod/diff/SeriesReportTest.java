package dev.beamdepmod.diff;

import static dev.beamdepmod.diff.Snap.exports;
import static dev.beamdepmod.diff.Snap.module;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.beamdepmod.schema.KernelSnapshot;
import dev.beamdepmod.schema.Lifetime;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.Test;

/** Series of kernels: consecutive steps, lifetimes, totals and --fail-on. */
public class SeriesReportTest {
  /** k1: s1 s2, alias a1; k2: s2 s3 (moved to n), a1 a2 (a2 also built-in b); k3: s1 s3, a2 only built-in. */
  static List<KernelSnapshot> series() {
    return List.of(
        Snap.kernel("k1").add(module("m", "kernel/m.ko").setExports(exports("s1", "s2")).setAliases(List.of("a1")))
            .build(),
        Snap.kernel("k2").add(module("m", "kernel/m.ko").setExports(exports("s2")).setAliases(List.of("a1", "a2")))
            .add(module("n", "kernel/n.ko").setExports(exports("s3")))
            .add(module("b", "kernel/b.ko").setBuiltin(true).setAliases(List.of("a2"))).build(),
        Snap.kernel("k3").add(module("m", "kernel/m.ko").setExports(exports("s1", "s3")))
            .add(module("b", "kernel/b.ko").setBuiltin(true).setAliases(List.of("a2"))).build());
  }

  private static String text(Lifetime l) {
    return String.join(" ", l.getKind(), l.getName(), l.getFirst(), l.getLast(), String.valueOf(l.getPresent()),
        l.getModule());
  }

  @Test
  public void lifetimesOfSymbolsAndAliases() {
    SeriesReport report = SeriesReport.of(series(), true);
    assertTrue(report.hasLifetimes());
    assertEquals(List.of(
        "symbol s1 k1 k3 2 m",
        "symbol s2 k1 k2 2 m",
        "symbol s3 k2 k3 2 m",
        "alias a1 k1 k2 2 m",
        "alias a2 k2 k3 2 b"), report.lifetimes().stream().map(SeriesReportTest::text).toList());
  }

  @Test
  public void aliasesWithSeveralProvidersNameThemAll() {
    SeriesReport report = SeriesReport.of(series().subList(0, 2), true);
    assertEquals("alias a2 k2 k2 1 b m", text(report.lifetimes().get(4)));
  }

  @Test
  public void stepsCompareConsecutiveKernels() {
    SeriesReport report = SeriesReport.of(series(), false);
    assertFalse(report.hasLifetimes());
    assertEquals(List.of(), report.lifetimes());
    assertEquals(List.of("k1", "k2", "k3"), report.kernels());
    assertEquals(List.of("k1>k2", "k2>k3"), report.steps().stream().map(s -> s.base() + ">" + s.head()).toList());
    assertEquals(KernelDiff.compare(series().get(1), series().get(2)), report.steps().get(1).changes());
    assertEquals(1, (int) report.steps().get(1).counts().get(Category.SYMBOLS_MOVED));
    assertEquals(0, (int) report.steps().get(0).counts().get(Category.CRC_CHANGED));
    assertEquals(Category.values().length, report.steps().get(0).counts().size());
    // s1 removed then added again, s2 removed, s3 added then moved
    assertEquals(2, (int) report.totals().get(Category.SYMBOLS_ADDED));
    assertEquals(2, (int) report.totals().get(Category.SYMBOLS_REMOVED));
    assertEquals(report.steps().get(0).changes().size() + report.steps().get(1).changes().size(),
        report.changes().size());
  }

  @Test
  public void failOnNamesTheCategoriesWithChanges() {
    SeriesReport report = SeriesReport.of(series(), false);
    assertEquals(EnumSet.of(Category.SYMBOLS_REMOVED),
        report.failing(Category.parseList("symbols-removed,crc-changed")));
    assertEquals(EnumSet.noneOf(Category.class), report.failing(EnumSet.of(Category.CRC_CHANGED)));
    assertEquals(report.totals().entrySet().stream().filter(e -> e.getValue() > 0).map(e -> e.getKey())
        .collect(Collectors.toSet()), report.failing(Category.parseList("all")));
  }

  @Test
  public void aComparisonNeedsTwoKernelsWithDistinctKeys() {
    assertThrows(IllegalArgumentException.class, () -> SeriesReport.of(series().subList(0, 1), false));
    assertThrows(IllegalArgumentException.class,
        () -> SeriesReport.of(List.of(series().get(0), series().get(0)), false));
  }
}
