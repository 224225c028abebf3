package dev.beamdepmod.resolve;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** docs/depmod-rules.md §8.7 and the cycle item of docs/deviations.md. */
public class CycleReportTest {
  /**
   * Modules kernel/NAME.ko from "name:dep1,dep2" items; each exports NAME_fn and imports its
   * dependencies' functions in the given order.
   */
  static Run graph(String... items) {
    List<Mod> mods = new ArrayList<>();
    for (String item : items) {
      String name = item.substring(0, item.indexOf(':'));
      String deps = item.substring(item.indexOf(':') + 1);
      Mod m = Mod.at("kernel/" + name + ".ko").exports(name.replace('-', '_') + "_fn");
      for (String d : deps.split(",")) {
        if (!d.isEmpty()) {
          m.imports(d.replace('-', '_') + "_fn");
        }
      }
      mods.add(m);
    }
    return Run.of(mods.toArray(Mod[]::new));
  }

  /** A modules.order listing the modules in this order. */
  static String order(String... names) {
    StringBuilder s = new StringBuilder();
    for (String n : names) {
      s.append("kernel/").append(n).append(".ko\n");
    }
    return s.toString();
  }

  private static List<String> errors(DepmodResult r) {
    return r.console().lines().stream().map(l -> l.substring("depmod: ERROR: ".length())).toList();
  }

  private static void assertFailedWithoutFiles(DepmodResult r) {
    assertEquals(1, r.console().exitStatus());
    assertTrue(r.files().isEmpty());
  }

  @Test
  public void kmodTestSuiteLoopScenarioIsReproducedLineForLine() {
    DepmodResult r = graph(
        "mod-loop-a:mod-loop-b,mod-loop-f,mod-loop-g", "mod-loop-b:mod-loop-c,mod-loop-f,mod-loop-g",
        "mod-loop-c:mod-loop-a", "mod-loop-d:mod-loop-e", "mod-loop-e:mod-loop-d", "mod-loop-f:",
        "mod-loop-g:", "mod-loop-h:mod-loop-i", "mod-loop-i:mod-loop-j",
        "mod-loop-j:mod-loop-h,mod-loop-k", "mod-loop-k:mod-loop-h")
        .order("").dryRun().go();
    assertEquals(List.of(
        "Cycle detected: mod_loop_d -> mod_loop_e -> mod_loop_d",
        "Cycle detected: mod_loop_i -> mod_loop_j -> mod_loop_k -> mod_loop_h -> mod_loop_i",
        "Cycle detected: mod_loop_i -> mod_loop_j -> mod_loop_h -> mod_loop_i",
        "Cycle detected: mod_loop_c -> mod_loop_a -> mod_loop_b -> mod_loop_c",
        "Found 9 modules in dependency cycles!"), errors(r));
    assertFailedWithoutFiles(r);
    assertEquals("", Run.text(r.console().stdout()));
    assertEquals(9, r.stats().cycleModules());
  }

  @Test
  public void removingAChainModuleRotatesTheStartList() {
    // verified with kmod: after p's search the list continues after q, so n2 starts its cycle
    DepmodResult r = graph("p:q,z", "q:p", "m1:m2", "m2:m1", "n1:n2", "n2:n1", "z:")
        .order(order("p", "m1", "z", "n1", "m2", "n2", "q")).go();
    assertEquals(List.of("Cycle detected: p -> q -> p", "Cycle detected: m1 -> m2 -> m1",
        "Cycle detected: n2 -> n1 -> n2", "Found 6 modules in dependency cycles!"), errors(r));
  }

  @Test
  public void removingALeafRotatesTheStartList() {
    // verified with kmod: u's search removes the leaf z, so n1 is the next start, not m1
    DepmodResult r = graph("u:z", "m1:m2", "m2:m1", "n1:n2", "n2:n1", "c1:c2,u", "c2:c1", "z:")
        .order(order("u", "m1", "z", "n1", "m2", "n2", "c1", "c2")).go();
    assertEquals(List.of("Cycle detected: n1 -> n2 -> n1", "Cycle detected: c1 -> c2 -> c1",
        "Cycle detected: m1 -> m2 -> m1", "Found 6 modules in dependency cycles!"), errors(r));
  }

  @Test
  public void selfDependency() {
    DepmodResult r = graph("selfish:selfish", "other:").order("").go();
    assertEquals(List.of("Cycle detected: selfish -> selfish", "Found 1 modules in dependency cycles!"),
        errors(r));
    assertFailedWithoutFiles(r);
  }

  @Test
  public void noBogusLineForAModuleBelowACycle() {
    // kmod also prints "Cycle detected: c" here
    DepmodResult r = graph("a:b,c", "b:a", "c:d", "d:").order(order("a", "b", "c", "d")).go();
    assertEquals(List.of("Cycle detected: a -> b -> a", "Found 2 modules in dependency cycles!"), errors(r));
  }

  @Test
  public void cycleNotThroughTheStartModuleEndsAndIsReported() {
    // kmod searches from r forever
    DepmodResult r = graph("r:y1", "x1:x2,r", "x2:x1", "y1:y2", "y2:y1")
        .order(order("r", "x1", "x2", "y1", "y2")).go();
    assertEquals(List.of("Cycle detected: x1 -> x2 -> x1", "Cycle detected: y1 -> y2 -> y1",
        "Found 4 modules in dependency cycles!"), errors(r));
    assertFailedWithoutFiles(r);
  }

  @Test
  public void overlappingCyclesWhereKmodAbortsAreAllCovered() {
    DepmodResult r = graph("a:b", "b:a,c", "c:b").order(order("a", "b", "c")).go();
    assertEquals(List.of("Cycle detected: a -> b -> a", "Cycle detected: c -> b -> c",
        "Found 3 modules in dependency cycles!"), errors(r));
  }

  /** r <-> x, r -> u1, ui -> z1, z2, u(i+1): kmod's search stack peaks at 2D+1 with room for D+4. */
  private static Run ladder(int depth) {
    List<String> items = new ArrayList<>(List.of("r:x,u1", "x:r", "z1:", "z2:"));
    List<String> names = new ArrayList<>(List.of("r", "x"));
    for (int i = 1; i <= depth; i++) {
      items.add("u" + i + ":z1,z2" + (i < depth ? ",u" + (i + 1) : ""));
      names.add("u" + i);
    }
    names.addAll(List.of("z1", "z2"));
    return graph(items.toArray(String[]::new)).order(order(names.toArray(String[]::new)));
  }

  @Test
  public void searchesThatFitKmodsStackAreReplayed() {
    // kmod (verified): this line, then bogus lines for u1..u3
    assertEquals(List.of("Cycle detected: r -> x -> r", "Found 2 modules in dependency cycles!"),
        errors(ladder(3).go()));
  }

  @Test
  public void searchesThatOverflowKmodsStackStillReportTheCycle() {
    // kmod (verified) aborts on its stack assertion without a line
    assertEquals(List.of("Cycle detected: r -> x -> r", "Found 2 modules in dependency cycles!"),
        errors(ladder(4).go()));
  }

  @Test
  public void everyCycleModuleAppearsInALine() {
    // a dense component: every module depends on every other one
    List<String> items = new ArrayList<>();
    String[] names = {"p", "q", "s", "t", "v"};
    for (String n : names) {
      StringBuilder deps = new StringBuilder();
      for (String d : names) {
        if (!d.equals(n)) {
          deps.append(deps.isEmpty() ? "" : ",").append(d);
        }
      }
      items.add(n + ":" + deps);
    }
    List<String> lines = errors(graph(items.toArray(String[]::new)).order(order(names)).go());
    assertEquals("Found 5 modules in dependency cycles!", lines.get(lines.size() - 1));
    for (String n : names) {
      assertTrue(n, lines.stream().anyMatch(l -> l.matches("Cycle detected: (.* )?" + n + " .*")));
    }
    for (String l : lines.subList(0, lines.size() - 1)) {
      String[] chain = l.substring("Cycle detected: ".length()).split(" -> ");
      assertEquals(l, chain[0], chain[chain.length - 1]);
    }
  }

  @Test
  public void verboseLinesStayButNoDryRunContent() {
    DepmodResult r = graph("a:b", "b:a").order(order("a", "b")).verbose().dryRun().go();
    assertEquals("/w/root/lib/modules/1.0/kernel/a.ko needs \"b_fn\": /w/root/lib/modules/1.0/kernel/b.ko\n"
        + "/w/root/lib/modules/1.0/kernel/b.ko needs \"a_fn\": /w/root/lib/modules/1.0/kernel/a.ko\n",
        Run.text(r.console().stdout()));
    assertFailedWithoutFiles(r);
  }
}
