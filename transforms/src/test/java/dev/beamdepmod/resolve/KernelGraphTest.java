package dev.beamdepmod.resolve;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;

/** The module graph kept for kernel comparisons agrees with depmod's own resolution. */
public class KernelGraphTest {
  private static List<String> names(KernelGraph g, int[] modules) {
    return Arrays.stream(modules).mapToObj(g::name).toList();
  }

  private static int index(KernelGraph g, String name) {
    for (int m = 0; m < g.size(); m++) {
      if (g.name(m).equals(name)) {
        return m;
      }
    }
    throw new AssertionError(name);
  }

  @Test
  public void modulesInModuleOrderWithDependenciesExportsAndUnresolvedImports() {
    Run run = Run.of(
        Mod.at("kernel/b/user.ko").imports("twin", "core_fn", "vmsym", "nowhere").weak("weak_nowhere"),
        Mod.at("kernel/a/core.ko").export("core_fn", 0x11).exportNs("core_ns_fn", "CORE").imports("core_ns_fn"),
        Mod.at("kernel/twin1.ko").export("twin", 1),
        Mod.at("kernel/twin2.ko").export("twin", 2),
        Mod.external("/opt/ext/ext-mod.ko").imports("nowhere"))
        .order("kernel/a/core.ko\nkernel/twin1.ko\nkernel/twin2.ko\nkernel/b/user.ko\n")
        .kernel(KernelSymbols.parseSystemMap("System.map", Run.latin1("0 T __ksymtab_vmsym\n"), (char) 0));
    Resolution resolution = run.withGraph();
    KernelGraph g = resolution.graph();
    assertEquals(run.go().console().lines(), resolution.result().console().lines());
    assertEquals(List.of("core", "twin1", "twin2", "user", "ext_mod"),
        names(g, new int[] {0, 1, 2, 3, 4}));
    assertEquals("kernel/b/user.ko", g.path(3));
    assertEquals("/opt/ext/ext-mod.ko", g.path(4));
    assertEquals("kernel/a/core.ko", g.record(0).getRelpath());
    assertEquals(List.of("twin2", "core"), names(g, g.dependencies(3)));
    assertEquals(List.of("core"), names(g, g.dependencies(0)));
    assertEquals(List.of("nowhere"), g.unresolved(3));
    assertEquals(List.of("nowhere"), g.unresolved(4));
    assertEquals(List.of(), g.unresolved(0));
    assertTrue(g.kernelSymbolsKnown());
    assertEquals(List.of(new KernelGraph.Export("core_fn", 0x11, null),
        new KernelGraph.Export("core_ns_fn", 0, "CORE")), g.exports(0));
    assertEquals(List.of(), g.exports(1));
    assertEquals(List.of(new KernelGraph.Export("twin", 2, null)), g.exports(2));
    assertEquals(1, g.cycles().size());
    assertArrayEquals(new int[] {0}, g.cycles().get(0));
  }

  @Test
  public void exportsAreStoredWithoutThePrefixCharacter() {
    KernelGraph g = Run.of(Mod.at("kernel/p.ko").exports("_under", "plain")).prefix('_').withGraph().graph();
    assertEquals(List.of(new KernelGraph.Export("plain", 0, null), new KernelGraph.Export("under", 0, null)),
        g.exports(0));
    assertFalse(g.kernelSymbolsKnown());
  }

  @Test
  public void aSystemMapWithoutSymbolsLeavesKernelSymbolsUnknown() {
    // Debian's linux-image packages ship such a placeholder System.map
    KernelSymbols placeholder = KernelSymbols.parseSystemMap("System.map",
        Run.latin1("ffffffffffffffff B The real System.map is in the linux-image-<version>-dbg package\n"), (char) 0);
    KernelGraph g = Run.of(Mod.at("kernel/u.ko").imports("vmsym")).kernel(placeholder).withGraph().graph();
    assertFalse(g.kernelSymbolsKnown());
    assertEquals(List.of("vmsym"), g.unresolved(0));
  }

  @Test
  public void cyclesAreTheComponentsOnCyclesNotTheModulesBelowThem() {
    KernelGraph g = CycleReportTest.graph("a:b", "b:a,c", "c:", "d:e", "e:f", "f:d", "g:a", "h:")
        .order(CycleReportTest.order("a", "b", "c", "d", "e", "f", "g", "h")).withGraph().graph();
    List<List<String>> cycles = new ArrayList<>();
    g.cycles().forEach(c -> cycles.add(names(g, c)));
    assertEquals(List.of(List.of("a", "b"), List.of("d", "e", "f")), cycles);
  }

  @Test
  public void noCyclesInAnAcyclicKernel() {
    KernelGraph g = CycleReportTest.graph("a:b", "b:").withGraph().graph();
    assertTrue(g.cycles().isEmpty());
  }

  @Test
  public void noGraphWhenDepmodStopsBeforeResolving() {
    Mod[] many = new Mod[65535];
    for (int i = 0; i < many.length; i++) {
      many[i] = Mod.at("kernel/m" + i + ".ko");
    }
    Resolution r = Run.of(many).withGraph();
    assertEquals(1, r.result().console().exitStatus());
    assertNull(r.graph());
  }
}
