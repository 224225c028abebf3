package dev.beamdepmod.check;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import dev.beamdepmod.module.ElfFacts;
import dev.beamdepmod.schema.CheckResult;
import dev.beamdepmod.schema.ModinfoEntry;
import dev.beamdepmod.schema.ModuleRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/**
 * The loader's checks over the kbuild-made fixture modules (fixtures/README.md) in a kernel made of
 * fixtures/modules/kernel.symvers and some of the fixture modules; each failing check alone.
 */
public class PairCheckTest {
  private static final Path MODULES = Path.of("../fixtures/modules");
  /** fx_core's exports as kbuild's Module.symvers lists them (GPL-only flag and namespace). */
  private static final String CORE_LINES =
      "0x00000000\tfx_core_gpl_fn\tfx_core\tEXPORT_SYMBOL_GPL\t\n"
      + "0x00000000\tfx_core_ns_fn\tfx_core\tEXPORT_SYMBOL\tFX_NS\n";

  static Candidate fixture(String file) {
    try {
      return Candidate.read(file, "/x/" + file, Files.readAllBytes(MODULES.resolve(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] symvers() {
    try {
      return (Files.readString(MODULES.resolve("kernel.symvers")) + CORE_LINES).getBytes(StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A kernel of fx_core, fx_twin1 and fx_chain_b/c, with vmlinux's symbols and the modules' vermagic and ELF. */
  static KernelTable kernel(ElfFacts elf) {
    List<ModuleRecord> modules = new ArrayList<>();
    for (String f : List.of("fx_core.ko", "fx_twin1.ko", "fx_chain_b.ko", "fx_chain_c.ko")) modules.add(inKernel(f));
    return KernelTable.of("6.1.0-test-amd64", modules, symvers(), null, elf);
  }

  /** A fixture module as the kernel's own, in its kernel/ directory. */
  static ModuleRecord inKernel(String file) {
    return ModuleRecord.newBuilder(fixture(file).record())
        .setRelpath("kernel/" + file).setPath("/lib/modules/6.1.0-test-amd64/kernel/" + file).build();
  }

  static KernelTable kernel() {
    return kernel(fixture("fx_core.ko").elf());
  }

  private static Candidate withModinfo(Candidate c, String key, String value) {
    List<ModinfoEntry> modinfo = new ArrayList<>();
    for (ModinfoEntry e : c.record().getModinfo()) if (!e.getKey().equals(key)) modinfo.add(e);
    if (value != null) modinfo.add(new ModinfoEntry(key, value));
    return new Candidate(c.file(), ModuleRecord.newBuilder(c.record()).setModinfo(modinfo).build(), c.elf());
  }

  private static void onlyFailing(CheckResult r, String check) {
    assertFalse(r.getLoads());
    assertEquals(check.equals("elf"), r.getElfMismatch() != null);
    assertEquals(check.equals("vermagic"), r.getVermagicMismatch() != null);
    assertEquals(check.equals("unknown"), !r.getUnknownSymbols().isEmpty());
    assertEquals(check.equals("crc"), !r.getCrcMismatches().isEmpty());
    assertEquals(check.equals("namespace"), !r.getMissingNamespaces().isEmpty());
    assertEquals(check.equals("gpl"), !r.getGplOnlySymbols().isEmpty());
    assertEquals(check.equals("size"), r.getThisModuleSizeMismatch() != null);
  }

  @Test
  public void theRecordsThePipelineCarriesGiveBackTheTableAndTheModule() {
    KernelTable k = kernel();
    KernelTable back = KernelTable.of(k.toRecord());
    assertEquals(k.toRecord(), back.toRecord());
    assertEquals(k.exports(), back.exports());
    assertEquals(k.depmodSymbols().symbols(), back.depmodSymbols().symbols());
    for (String f : List.of("fx-user.ko", "fx_stale.ko", "fx_chain_a.ko.xz")) {
      Candidate c = fixture(f);
      assertEquals(c, Candidate.of(c.toRecord()));
      assertEquals(PairCheck.check(c, k), PairCheck.check(Candidate.of(c.toRecord()), back));
    }
    KernelTable none = KernelTable.of("k", List.of(inKernel("fx_core.ko")), null, null, null);
    assertEquals(none.toRecord(), KernelTable.of(none.toRecord()).toRecord());
  }

  @Test
  public void aModuleUsingModulesOfTheKernelLoadsAndPullsThemIn() {
    CheckResult r = PairCheck.check(fixture("fx-user.ko"), kernel());
    assertTrue(r.toString(), r.getLoads());
    assertEquals("fx_user", r.getModule());
    assertEquals("6.1.0-test-amd64", r.getKernel());
    assertEquals(List.of("kernel/fx_core.ko"), r.getDependencies());
    assertEquals(List.of(), r.getNotes());
  }

  @Test
  public void dependenciesAreTheModulesDepLineWithItsClosure() {
    CheckResult r = PairCheck.check(fixture("fx_chain_a.ko.xz"), kernel());
    assertTrue(r.toString(), r.getLoads());
    assertEquals("fx_chain_a", r.getModule());
    assertEquals(List.of("kernel/fx_chain_b.ko", "kernel/fx_chain_c.ko"), r.getDependencies());
  }

  @Test
  public void weakImportsNobodyExportsAreNoUnknownSymbols() {
    assertTrue(PairCheck.check(fixture("fx_weak.ko"), kernel()).getLoads());
  }

  @Test
  public void unknownSymbolsAndCrcMismatchesAreNamed() {
    CheckResult r = PairCheck.check(fixture("fx_stale.ko"), kernel());
    assertFalse(r.getLoads());
    assertEquals(List.of("fx_nowhere_fn"), r.getUnknownSymbols());
    assertEquals(List.of("fx_core_fn"), r.getCrcMismatches());
  }

  @Test
  public void anUnknownSymbolAlone() {
    // fx_chain_a needs fx_chain_b's export, and the kernel lacks fx_chain_b
    KernelTable k = KernelTable.of("k", List.of(fixture("fx_core.ko").record()), symvers(), null, fixture("fx_core.ko").elf());
    CheckResult r = PairCheck.check(fixture("fx_chain_a.ko"), k);
    onlyFailing(r, "unknown");
    assertEquals(List.of("fx_chain_b_fn"), r.getUnknownSymbols());
  }

  @Test
  public void aCrcMismatchAlone() {
    // fx_twin2's fx_twin_fn has another CRC than the kernel's fx_twin1; fx_stale imports twin1's: use a user of twin2's
    KernelTable k = KernelTable.of("k", List.of(fixture("fx_core.ko").record(), fixture("fx_twin2.ko").record()),
        symvers(), null, fixture("fx_core.ko").elf());
    Candidate stale = fixture("fx_stale.ko");
    // keep only the imports that resolve, so that the CRCs alone fail
    ModuleRecord rec = ModuleRecord.newBuilder(stale.record())
        .setImports(stale.record().getImports().stream().filter(i -> !i.getName().equals("fx_nowhere_fn")).toList())
        .build();
    CheckResult r = PairCheck.check(new Candidate(stale.file(), rec, stale.elf()), k);
    onlyFailing(r, "crc");
    assertEquals(List.of("fx_core_fn", "fx_twin_fn"), r.getCrcMismatches());
  }

  @Test
  public void aNamespaceNotImported() {
    CheckResult r = PairCheck.check(withModinfo(fixture("fx-user.ko"), "import_ns", null), kernel());
    onlyFailing(r, "namespace");
    assertEquals(List.of("fx_core_ns_fn:FX_NS"), r.getMissingNamespaces());
  }

  @Test
  public void gplOnlyExportsForAProprietaryModule() {
    CheckResult r = PairCheck.check(withModinfo(fixture("fx-user.ko"), "license", "Proprietary"), kernel());
    onlyFailing(r, "gpl");
    assertEquals(List.of("fx_core_gpl_fn"), r.getGplOnlySymbols());
    assertTrue(PairCheck.check(withModinfo(fixture("fx-user.ko"), "license", "Dual MIT/GPL"), kernel()).getLoads());
  }

  @Test
  public void vermagicWithModversionsSkipsTheRelease() {
    Candidate user = fixture("fx-user.ko");
    String magic = ModinfoValues.first(user.record(), "vermagic");
    String other = "9.9.9-other" + magic.substring(magic.indexOf(' '));
    assertTrue(PairCheck.check(withModinfo(user, "vermagic", other), kernel()).getLoads());
    CheckResult r = PairCheck.check(withModinfo(user, "vermagic", magic.replace("modversions", "")), kernel());
    onlyFailing(r, "vermagic");
    onlyFailing(PairCheck.check(withModinfo(user, "vermagic", null), kernel()), "vermagic");
  }

  @Test
  public void vermagicWithoutModversionsIsComparedWhole() {
    assertNull(PairCheck.vermagicMismatch("6.1 SMP mod_unload", "6.1 SMP mod_unload", false, new ArrayList<>()));
    assertTrue(PairCheck.vermagicMismatch("6.2 SMP mod_unload", "6.1 SMP mod_unload", false, new ArrayList<>()) != null);
    assertNull(PairCheck.vermagicMismatch("6.2 SMP mod_unload", "6.1 SMP mod_unload", true, new ArrayList<>()));
  }

  @Test
  public void elfClassByteOrderAndMachine() {
    ElfFacts core = fixture("fx_core.ko").elf();
    assertTrue(core.is64());
    assertFalse(core.bigEndian());
    assertEquals(62, core.machine());
    assertTrue(core.thisModuleSize() > 0);
    ElfFacts arm = new ElfFacts(true, false, 183, core.thisModuleSize());
    CheckResult r = PairCheck.check(fixture("fx-user.ko"), kernel(arm));
    onlyFailing(r, "elf");
    assertEquals("module ELF64 little-endian machine 62, kernel ELF64 little-endian machine 183", r.getElfMismatch());
  }

  @Test
  public void structModuleSize() {
    ElfFacts core = fixture("fx_core.ko").elf();
    ElfFacts bigger = new ElfFacts(true, false, 62, core.thisModuleSize() + 64);
    onlyFailing(PairCheck.check(fixture("fx-user.ko"), kernel(bigger)), "size");
  }

  @Test
  public void systemMapOnlyChecksNamesAndSaysSo() {
    byte[] map = "ffffffff81000000 r __ksymtab__printk\nffffffff81000010 r __ksymtab___fentry__\n"
        .concat("ffffffff81000020 r __ksymtab___x86_return_thunk\nffffffff81000030 r __ksymtab_module_layout\n")
        .concat("ffffffff81000040 r __ksymtab_param_ops_int\n").getBytes(StandardCharsets.ISO_8859_1);
    KernelTable k = KernelTable.of("k", List.of(fixture("fx_core.ko").record()), null, map, fixture("fx_core.ko").elf());
    CheckResult r = PairCheck.check(fixture("fx-user.ko"), k);
    assertTrue(r.toString(), r.getLoads());
    assertTrue(r.getNotes().get(0), r.getNotes().get(0).startsWith("System.map only"));
  }

  @Test
  public void symversLines() {
    List<Export> e = Symvers.parse(("0x1234abcd\tfoo\tvmlinux\tEXPORT_SYMBOL_GPL\t\n"
        + "0xdeadbeef\tbar\tdrivers/net/foo-bar\tEXPORT_SYMBOL\tNS\nbroken line\n0xzz\tx\tvmlinux\tEXPORT_SYMBOL\t\n")
        .getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(List.of(new Export("foo", "vmlinux", 0x1234abcdL, true, null),
        new Export("bar", "foo_bar", 0xdeadbeefL, false, "NS")), e);
  }
}
