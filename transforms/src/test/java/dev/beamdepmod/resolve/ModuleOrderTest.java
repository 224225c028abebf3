package dev.beamdepmod.resolve;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.List;
import org.junit.Test;

/** docs/depmod-rules.md §5.6 (order key), §7.3 and §7.4. */
public class ModuleOrderTest {
  private static final String WHERE = "/w/root/lib/modules/1.0";

  /** modules a, b, c (hash order c, b, a) plus the given extra ones. */
  private static Run abc(Mod... extra) {
    Mod[] all = new Mod[3 + extra.length];
    all[0] = Mod.at("kernel/a.ko");
    all[1] = Mod.at("kernel/b.ko");
    all[2] = Mod.at("kernel/sub/c.ko");
    System.arraycopy(extra, 0, all, 3, extra.length);
    return Run.of(all);
  }

  private static List<String> depLines(DepmodResult r) {
    return Run.text(r.files().get("modules.dep")).lines().toList();
  }

  @Test
  public void withoutModulesOrderTheHashOrderStays() {
    DepmodResult r = abc().go();
    assertEquals(List.of("kernel/sub/c.ko:", "kernel/b.ko:", "kernel/a.ko:"), depLines(r));
    assertEquals("depmod: WARNING: could not open modules.order at " + WHERE + ": No such file or directory",
        r.console().lines().get(0));
  }

  @Test
  public void rankedModulesFirstThenTheRestInHashOrder() {
    DepmodResult r = abc().order("kernel/a.ko\n").go();
    assertEquals(List.of("kernel/a.ko:", "kernel/sub/c.ko:", "kernel/b.ko:"), depLines(r));
  }

  @Test
  public void firstOfDuplicateLinesCountsAndUnknownLinesAreIgnored() {
    DepmodResult r = abc().order("kernel/b.ko\nkernel/nothere.ko\nkernel/a.ko\nkernel/b.ko\n").go();
    assertEquals(List.of("kernel/b.ko:", "kernel/a.ko:", "kernel/sub/c.ko:"), depLines(r));
  }

  @Test
  public void lastLineWithoutNewlineCancelsTheWholeOrdering() {
    DepmodResult r = abc().order("kernel/a.ko\nkernel/b.ko").go();
    assertEquals(List.of("kernel/sub/c.ko:", "kernel/b.ko:", "kernel/a.ko:"), depLines(r));
    assertEquals("depmod: ERROR: " + WHERE + "/modules.order:2 corrupted line misses '\\n'", r.console().lines().get(0));
  }

  @Test
  public void nulBytesEndALineForDepmod() {
    // a line starting with NUL is skipped (but counted); a NUL later hides the newline
    DepmodResult skipped = abc().order("\0kernel/b.ko\nkernel/a.ko\n").go();
    assertEquals("kernel/a.ko:", depLines(skipped).get(0));
    DepmodResult corrupted = abc().order("\0x\nkernel/a\0.ko\n").go();
    assertEquals("depmod: ERROR: " + WHERE + "/modules.order:2 corrupted line misses '\\n'",
        corrupted.console().lines().get(0));
  }

  @Test
  public void linesLongerThanTheBufferAreCorrupted() {
    DepmodResult r = abc().order("kernel/a.ko\n" + "x".repeat(5000) + "\n").go();
    assertEquals("depmod: ERROR: " + WHERE + "/modules.order:2 corrupted line misses '\\n'", r.console().lines().get(0));
  }

  @Test
  public void linesMatchExactly() {
    DepmodResult r = abc().order("./kernel/a.ko\nkernel//b.ko\nkernel/b.ko\r\nkernel/sub/c.ko \n").go();
    assertEquals(List.of("kernel/sub/c.ko:", "kernel/b.ko:", "kernel/a.ko:"), depLines(r));
  }

  @Test
  public void orderKeyEndsInDotKoWhateverTheExtension() {
    assertEquals("kernel/x-y.ko", ModuleOrder.orderKey(Mod.at("kernel/x-y.ko.xz").build()));
    assertEquals("kernel/a.ko", ModuleOrder.orderKey(Mod.at("kernel/a.ko.zst").build()));
    assertEquals("kernel/foo.ba", ModuleOrder.orderKey(Mod.at("kernel/foo.bar.ko").build()));
    assertEquals("kernel/.hi", ModuleOrder.orderKey(Mod.at("kernel/.hidden.ko").build()));
    assertEquals("top.ko", ModuleOrder.orderKey(Mod.at("top.ko").build()));
    assertEquals("d/x", ModuleOrder.orderKey(Mod.at("d/x").build()));
    assertNull(ModuleOrder.orderKey(Mod.external("/ext/e.ko").build()));
  }

  @Test
  public void compressedModulesAreRankedByTheirDotKoLine() {
    DepmodResult r = abc(Mod.at("kernel/x-y.ko.xz")).order("kernel/x-y.ko.xz\nkernel/b.ko\nkernel/x-y.ko\n").go();
    assertEquals(List.of("kernel/b.ko:", "kernel/x-y.ko.xz:"), depLines(r).subList(0, 2));
  }

  @Test
  public void externalModulesAreNeverRankedAndPrintedAbsolute() {
    DepmodResult r = abc(Mod.external("/ext/e.ko")).order("/ext/e.ko\nkernel/a.ko\n").go();
    assertEquals("kernel/a.ko:", depLines(r).get(0));
    assertEquals(4, depLines(r).size());
    assertEquals(true, depLines(r).contains("/ext/e.ko:"));
  }

  @Test
  public void priorityInTheIndexesIsThePositionInTheOrder() {
    DepmodResult r = Run.of(Mod.at("kernel/a.ko").alias("on", "one"), Mod.at("kernel/b.ko").alias("on", "ask-x"))
        .order("kernel/a.ko\nkernel/b.ko\n").go();
    // docs/depmod-rules.md §A.9.1 and §A.9.3
    assertEquals(123, r.files().get("modules.alias.bin").length);
    assertEquals(64, r.files().get("modules.dep.bin").length);
  }
}
