package dev.beamdepmod.diff;

import static dev.beamdepmod.diff.FixtureDiffTest.text;
import static dev.beamdepmod.diff.Snap.exports;
import static dev.beamdepmod.diff.Snap.module;
import static org.junit.Assert.assertEquals;

import dev.beamdepmod.schema.SnapshotParam;
import java.util.List;
import org.junit.Test;

/** The rules of KernelDiff and Renames on hand-made snapshots. */
public class KernelDiffTest {
  private static List<String> diff(Snap base, Snap head) {
    return text(KernelDiff.compare(base.build(), head.build()));
  }

  @Test
  public void renamedWhenMostExportsAreShared() {
    List<String> changes = diff(
        Snap.kernel("a").add(module("libold", "kernel/lib/libold.ko").setExports(exports("f1", "f2", "f3"))),
        Snap.kernel("b").add(module("libnew", "kernel/other/libnew.ko").setExports(exports("f1", "f2", "f4"))));
    // Jaccard 2/4
    assertEquals(List.of(
        "modules-renamed | libnew | libold | kernel/lib/libold.ko | kernel/other/libnew.ko",
        "symbols-added | libnew | f4 | null | null",
        "symbols-removed | libold | f3 | null | null",
        "symbols-moved | libnew | f1 | libold | libnew",
        "symbols-moved | libnew | f2 | libold | libnew"), changes);
  }

  @Test
  public void notRenamedWhenLessThanHalfIsShared() {
    List<String> changes = diff(
        Snap.kernel("a").add(module("libold", "kernel/lib/libold.ko").setExports(exports("f1", "f2", "f3"))),
        Snap.kernel("b").add(module("libnew", "kernel/lib/libnew.ko").setExports(exports("f1", "f4", "f5"))));
    assertEquals(List.of(
        "modules-added | libnew | null | null | kernel/lib/libnew.ko",
        "modules-removed | libold | null | kernel/lib/libold.ko | null"), changes.subList(0, 2));
  }

  @Test
  public void driversAreRenamedBySharedAliasesInTheSameDirectoryOnly() {
    Snap base = Snap.kernel("a")
        .add(module("drv_old", "kernel/net/drv_old.ko").setAliases(List.of("pci:v1", "pci:v2")))
        .add(module("far_old", "kernel/net/far_old.ko").setAliases(List.of("usb:v9")));
    Snap head = Snap.kernel("b")
        .add(module("drv_new", "kernel/net/drv_new.ko.xz").setAliases(List.of("pci:v1", "pci:v2", "pci:v3")))
        .add(module("far_new", "kernel/sound/far_new.ko").setAliases(List.of("usb:v9")));
    assertEquals(List.of(
        "modules-added | far_new | null | null | kernel/sound/far_new.ko",
        "modules-removed | far_old | null | kernel/net/far_old.ko | null",
        "modules-renamed | drv_new | drv_old | kernel/net/drv_old.ko | kernel/net/drv_new.ko.xz",
        "aliases-added | drv_new | pci:v3 | null | null",
        "aliases-added | far_new | usb:v9 | null | null",
        "aliases-removed | far_old | usb:v9 | null | null"), diff(base, head));
  }

  @Test
  public void renamePairsAreTakenBestScoreFirst() {
    Snap base = Snap.kernel("a")
        .add(module("old", "kernel/old.ko").setExports(exports("a", "b", "c", "d")));
    Snap head = Snap.kernel("b")
        .add(module("half", "kernel/half.ko").setExports(exports("a", "b")))
        .add(module("full", "kernel/full.ko").setExports(exports("a", "b", "c", "d")));
    List<String> changes = diff(base, head);
    assertEquals("modules-added | half | null | null | kernel/half.ko", changes.get(0));
    assertEquals("modules-renamed | full | old | kernel/old.ko | kernel/full.ko", changes.get(1));
  }

  @Test
  public void dependenciesOnARenamedModuleAreKept() {
    Snap base = Snap.kernel("a")
        .add(module("user", "kernel/user.ko").setDepends(List.of("libold")))
        .add(module("libold", "kernel/libold.ko").setExports(exports("f")));
    Snap head = Snap.kernel("b")
        .add(module("user", "kernel/user.ko").setDepends(List.of("libnew")))
        .add(module("libnew", "kernel/libnew.ko").setExports(exports("f")));
    assertEquals(List.of(
        "modules-renamed | libnew | libold | kernel/libold.ko | kernel/libnew.ko",
        "symbols-moved | libnew | f | libold | libnew"), diff(base, head));
  }

  @Test
  public void unresolvedWithoutKernelSymbolsOnlyForSymbolsAModuleExportedThatIsNotBuiltInNow() {
    Snap base = Snap.kernel("a")
        .add(module("user", "kernel/user.ko").setUnresolved(List.of("printk")))
        .add(module("lib", "kernel/lib.ko").setExports(exports("lib_fn")))
        .add(module("core", "kernel/core.ko").setExports(exports("core_fn")));
    Snap head = Snap.kernel("b")
        .add(module("user", "kernel/user.ko").setUnresolved(List.of("printk", "lib_fn", "core_fn", "vm_fn")))
        .add(module("core", "kernel/core.ko").setBuiltin(true))
        .add(module("newbie", "kernel/newbie.ko").setUnresolved(List.of("vm_fn")));
    List<String> changes = diff(base, head);
    assertEquals(List.of("symbols-unresolved | user | lib_fn | lib | null"),
        changes.stream().filter(c -> c.startsWith("symbols-unresolved")).toList());
    assertEquals("symbols-removed | core | core_fn | null | built-in",
        changes.stream().filter(c -> c.startsWith("symbols-removed | core")).findFirst().orElseThrow());
  }

  @Test
  public void unresolvedWithKernelSymbolsForEveryNewlyMissingImport() {
    Snap base = Snap.kernel("a").kernelSymbolsKnown()
        .add(module("user", "kernel/user.ko").setUnresolved(List.of("gone_before")));
    Snap head = Snap.kernel("b").kernelSymbolsKnown()
        .add(module("user", "kernel/user.ko").setUnresolved(List.of("gone_before", "vm_fn")))
        .add(module("newbie", "kernel/newbie.ko").setUnresolved(List.of("vm_fn")));
    List<String> changes = diff(base, head).stream().filter(c -> c.startsWith("symbols-unresolved")).toList();
    assertEquals(List.of("symbols-unresolved | newbie | vm_fn | null | null",
        "symbols-unresolved | user | vm_fn | null | null"), changes);
  }

  @Test
  public void builtInModulesHaveNoDependenciesToLose() {
    Snap base = Snap.kernel("a").add(module("m", "kernel/m.ko").setDepends(List.of("x")))
        .add(module("x", "kernel/x.ko"));
    Snap head = Snap.kernel("b").add(module("m", "kernel/m.ko").setBuiltin(true))
        .add(module("x", "kernel/x.ko"));
    assertEquals(List.of("modules-now-builtin | m | null | kernel/m.ko | kernel/m.ko (built-in)"), diff(base, head));
  }

  @Test
  public void aLoadableModuleHidesABuiltInOneOfTheSameName() {
    Snap base = Snap.kernel("a").add(module("m", "kernel/m.ko").setAliases(List.of("x")))
        .add(module("m", "kernel/m.ko").setBuiltin(true).setAliases(List.of("y")));
    Snap head = Snap.kernel("b").add(module("m", "kernel/m.ko").setAliases(List.of("x")));
    assertEquals(List.of(), diff(base, head));
  }

  @Test
  public void builtInModulesKnownOnlyByTheirAliasesHaveNoPath() {
    Snap base = Snap.kernel("a");
    Snap head = Snap.kernel("b").add(module("debugfs", "").setBuiltin(true).setAliases(List.of("fs-debugfs")));
    assertEquals(List.of("modules-added | debugfs | null | null | (built-in)",
        "aliases-added | debugfs | fs-debugfs | null | null"), diff(base, head));
  }

  @Test
  public void cyclesUnderRenamedNamesAreNotNew() {
    Snap base = Snap.kernel("a").cycle("a", "old")
        .add(module("a", "kernel/a.ko").setDepends(List.of("old")).setExports(exports("fa")))
        .add(module("old", "kernel/old.ko").setDepends(List.of("a")).setExports(exports("fo")));
    Snap head = Snap.kernel("b").cycle("a", "new").cycle("x", "y")
        .add(module("a", "kernel/a.ko").setDepends(List.of("new")).setExports(exports("fa")))
        .add(module("new", "kernel/new.ko").setDepends(List.of("a")).setExports(exports("fo")))
        .add(module("x", "kernel/x.ko").setDepends(List.of("y")))
        .add(module("y", "kernel/y.ko").setDepends(List.of("x")));
    assertEquals(List.of("cycles-added | x | x y | null | null"),
        diff(base, head).stream().filter(c -> c.startsWith("cycles")).toList());
  }

  @Test
  public void parametersWithoutTypeAndTypeChanges() {
    Snap base = Snap.kernel("a").add(module("m", "kernel/m.ko").setParams(List.of(
        new SnapshotParam("described", null),
        new SnapshotParam("typed", "int"))));
    Snap head = Snap.kernel("b").add(module("m", "kernel/m.ko").setParams(List.of(
        new SnapshotParam("described", "bool"),
        new SnapshotParam("typed", "int"))));
    assertEquals(List.of("params-changed | m | described | null | bool"), diff(base, head));
  }
}
