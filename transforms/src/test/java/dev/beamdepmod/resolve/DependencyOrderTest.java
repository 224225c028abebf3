package dev.beamdepmod.resolve;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** docs/depmod-rules.md §8.5, §8.6 and §9.11. */
public class DependencyOrderTest {
  @Test
  public void lifoTopologicalSortWorkedExample() {
    DepmodResult r = CycleReportTest.graph("top1:leafA,mid", "top2:leafB", "mid:leafB,leafA", "leafA:", "leafB:")
        .order(CycleReportTest.order("top1", "top2", "mid", "leafA", "leafB")).go();
    assertEquals("""
        kernel/top1.ko: kernel/mid.ko kernel/leafA.ko kernel/leafB.ko
        kernel/top2.ko: kernel/leafB.ko
        kernel/mid.ko: kernel/leafA.ko kernel/leafB.ko
        kernel/leafA.ko:
        kernel/leafB.ko:
        """, Run.text(r.files().get("modules.dep")));
  }

  @Test
  public void closureIsTransitiveAndListsEachModuleOnce() {
    DepmodResult r = CycleReportTest.graph("a:b,c", "b:d", "c:d", "d:e", "e:")
        .order(CycleReportTest.order("a", "b", "c", "d", "e")).go();
    assertEquals("kernel/a.ko: kernel/c.ko kernel/b.ko kernel/d.ko kernel/e.ko",
        Run.text(r.files().get("modules.dep")).lines().findFirst().orElseThrow());
  }

  @Test
  public void devnameNumbersFollowScanfUnsigned() {
    DepmodResult r = Run.of(Mod.at("kernel/e1.ko").alias("devname:e1", "char-major-5-6-extra"),
            Mod.at("kernel/e2.ko").alias("block-major- 9-+10", "devname:e2"),
            Mod.at("kernel/e3.ko").alias("devname:e3", "char-major-99999999999999999999-1"),
            Mod.at("kernel/e4.ko").alias("devname:", "block-major-1-2"))
        .order(CycleReportTest.order("e1", "e2", "e3", "e4")).go();
    assertEquals("""
        # Device nodes to trigger on-demand module loading.
        e1 e1 c5:6
        e2 e2 b9:10
        e3 e3 c4294967295:1
        e4  b1:2
        """, Run.text(r.files().get("modules.devname")));
  }
}
