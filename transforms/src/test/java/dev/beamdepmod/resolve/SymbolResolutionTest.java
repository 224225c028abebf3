package dev.beamdepmod.resolve;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;

/** docs/depmod-rules.md §8.1 to §8.4, §14.3. */
public class SymbolResolutionTest {
  private static final String USER = "/w/root/lib/modules/1.0/kernel/user.ko";

  private static KernelSymbols symvers() {
    return KernelSymbols.parseSymvers("Module.symvers", Run.latin1(
        "0x00000005\tvmsym\tvmlinux\tEXPORT_SYMBOL\n"
            + "0x00000077\tmodule_layout\tvmlinux\tEXPORT_SYMBOL\n"
            + "0x1\tthreefields\tvmlinux\n"
            + "0xZZ\tbadcrc\tvmlinux\tEXPORT_SYMBOL\n"), (char) 0);
  }

  private static Run example143() {
    return Run.of(
        Mod.at("kernel/user.ko").importCrc("shared", 0).importCrc("e1", 0x99).importCrc("vmsym", 5)
            .imports("unknown1").importCrc("module_layout", 0x77).imports("threefields").weak("weakunknown"),
        Mod.at("kernel/exp1.ko").export("shared", 0),
        Mod.at("kernel/exp2.ko").export("shared", 0).export("e1", 0x42));
  }

  @Test
  public void errSymsWithSymversWarnsInImportOrder() {
    DepmodResult r = example143().errSyms(symvers()).verbose().dryRun().go();
    assertEquals(List.of(
        "depmod: WARNING: could not open modules.order at /w/root/lib/modules/1.0: No such file or directory",
        "depmod: WARNING: " + USER + " disagrees about version of symbol e1",
        "depmod: WARNING: " + USER + " needs unknown symbol unknown1",
        "depmod: WARNING: " + USER + " needs unknown symbol threefields"), r.console().lines());
    // exp2 comes after exp1 in module order, so it owns "shared"; e1 adds no second edge
    String stdout = Run.text(r.console().stdout());
    assertEquals(USER + " needs \"shared\": /w/root/lib/modules/1.0/kernel/exp2.ko\n",
        stdout.substring(0, stdout.indexOf('\n') + 1));
    assertEquals(new DepmodResult.Stats(3, 2, 2, 0, 0), r.stats());
  }

  @Test
  public void symversWithoutErrSymsPrintsNothing() {
    DepmodResult r = example143().kernel(symvers()).dryRun().go();
    assertEquals(1, r.console().lines().size());
  }

  @Test
  public void systemMapDoesNotCheckCrcs() {
    KernelSymbols map = KernelSymbols.parseSystemMap("System.map",
        Run.latin1("1 T __ksymtab_vmsym\n1 T __ksymtab_module_layout\n"), (char) 0);
    DepmodResult r = example143().errSyms(map).dryRun().go();
    assertEquals(List.of(
        "depmod: WARNING: could not open modules.order at /w/root/lib/modules/1.0: No such file or directory",
        "depmod: WARNING: " + USER + " needs unknown symbol unknown1",
        "depmod: WARNING: " + USER + " needs unknown symbol threefields"), r.console().lines());
  }

  @Test
  public void fakeKernelSymbolsOnlyWithKernelSymbols() {
    Run run = Run.of(Mod.at("kernel/m.ko").imports("__this_module", "_GLOBAL_OFFSET_TABLE_", ".TOC."));
    assertEquals(3, run.dryRun().go().stats().unresolved());
    KernelSymbols none = KernelSymbols.parseSymvers("s", new byte[0], (char) 0);
    assertEquals(0, run.kernel(none).go().stats().unresolved());
  }

  @Test
  public void moduleExportReplacesKernelSymbolAndLastExporterWins() {
    KernelSymbols k = KernelSymbols.parseSymvers("s", Run.latin1("0x1 ksym vmlinux X\n"), (char) 0);
    DepmodResult r = Run.of(Mod.at("kernel/a.ko").exports("ksym", "dup"), Mod.at("kernel/b.ko").exports("dup"),
        Mod.at("kernel/c.ko").imports("ksym", "dup")).order("kernel/c.ko\nkernel/a.ko\nkernel/b.ko\n")
        .kernel(k).go();
    // a owns ksym, b owns dup; b ranks before a (the last pushed dependency is taken first)
    assertEquals("kernel/c.ko: kernel/b.ko kernel/a.ko\nkernel/a.ko:\nkernel/b.ko:\n",
        Run.text(r.files().get("modules.dep")));
  }

  /** §8.2: exports _under __double .dot plain, imported by a module under each -P setting. */
  private static DepmodResult prefixed(char prefix) {
    return Run.of(Mod.at("kernel/e.ko").exports("_under", "__double", ".dot", "plain"),
        Mod.at("kernel/i.ko").imports("_under")).prefix(prefix).dryRun().go();
  }

  private static List<String> symbolNames(DepmodResult r) {
    String out = Run.text(r.console().stdout());
    return out.substring(out.indexOf("# Aliases for symbols")).lines().skip(1)
        .map(l -> l.substring("alias symbol:".length(), l.lastIndexOf(' '))).sorted().toList();
  }

  @Test
  public void symbolPrefixTable() {
    assertEquals(List.of(".dot", "__double", "_under", "plain"), symbolNames(prefixed((char) 0)));
    assertEquals(List.of(".dot", "_double", "plain", "under"), symbolNames(prefixed('_')));
    assertEquals(List.of("__double", "_under", "dot", "plain"), symbolNames(prefixed('.')));
    for (char p : new char[] {0, '_', '.'}) {
      assertEquals(0, prefixed(p).stats().unresolved());
    }
  }

  @Test
  public void leadingDotOfAnImportIsIgnored() {
    DepmodResult r = Run.of(Mod.at("kernel/e.ko").exports(".dot", "plain"),
        Mod.at("kernel/i.ko").imports(".plain", ".dot")).dryRun().go();
    // ".plain" finds plain; ".dot" is looked up as "dot" and misses the export ".dot"
    assertEquals(1, r.stats().unresolved());
  }

  @Test
  public void selfImportIsASelfDependency() {
    DepmodResult r = Run.of(Mod.at("kernel/selfish.ko").exports("s").imports("s")).go();
    assertEquals("depmod: ERROR: Cycle detected: selfish -> selfish", r.console().lines().get(1));
  }
}
