package dev.beamdepmod.module;

import static dev.beamdepmod.module.ModuleRecords.messages;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.beamdepmod.schema.ExportedSymbol;
import dev.beamdepmod.schema.ImportedSymbol;
import dev.beamdepmod.schema.ModinfoEntry;
import dev.beamdepmod.schema.ModuleRecord;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.Test;

/**
 * The reader on real modules of our own (fixtures/modules, built with kbuild against Debian's
 * headers). Expected values come from binutils and kmod's own tools on the same files:
 * {@code readelf -s} (symbol table order), {@code readelf -p .modinfo} and
 * {@code modprobe --dump-modversions}.
 */
public class FixtureModulesTest {
  private static final Path MODULES = Paths.get("..", "fixtures", "modules").toAbsolutePath().normalize();

  private static ModuleRecord read(String file) {
    Path p = MODULES.resolve(file);
    return ModuleRecords.read(p.toString(), p);
  }

  private static Map<String, Long> crcs(List<ExportedSymbol> exports) {
    return exports.stream().collect(Collectors.toMap(ExportedSymbol::getName, ExportedSymbol::getCrc));
  }

  @Test
  public void exportsWithTheCrcsTheirUsersRecorded() {
    ModuleRecord core = read("fx_core.ko");
    assertEquals("fx_core", core.getName());
    assertEquals(List.of("fx_weak_target", "fx_core_fn", "fx_core_gpl_fn", "fx_core_ns_fn"),
        core.getExports().stream().map(ExportedSymbol::getName).toList());
    // modprobe --dump-modversions fx-user.ko: the CRCs fx-user recorded for fx_core's exports
    Map<String, Long> crc = crcs(core.getExports());
    assertEquals(0x094e88d9L, (long) crc.get("fx_core_fn"));
    assertEquals(0x62749fb2L, (long) crc.get("fx_core_gpl_fn"));
    assertEquals(0x061167c4L, (long) crc.get("fx_core_ns_fn"));
    assertTrue(messages(core).isEmpty());
  }

  @Test
  public void importsInSymbolTableOrderThenUnmatchedVersions() {
    ModuleRecord user = read("fx-user.ko");
    assertEquals("fx_user", user.getName());
    assertEquals(
        List.of(
            new ImportedSymbol("fx_core_ns_fn", false, 0x061167c4L),
            new ImportedSymbol("fx_core_fn", false, 0x094e88d9L),
            new ImportedSymbol("__fentry__", false, 0xbdfb6dbbL),
            new ImportedSymbol("_printk", false, 0x92997ed8L),
            new ImportedSymbol("__x86_return_thunk", false, 0x5b8239caL),
            new ImportedSymbol("fx_core_gpl_fn", false, 0x62749fb2L),
            new ImportedSymbol("module_layout", false, 0xbce1a965L)),
        user.getImports());
  }

  @Test
  public void weakImportsAreMarked() {
    Map<String, Boolean> weak = read("fx_weak.ko").getImports().stream()
        .collect(Collectors.toMap(ImportedSymbol::getName, ImportedSymbol::getWeak));
    assertEquals(true, weak.get("fx_weak_missing"));
    assertEquals(true, weak.get("fx_weak_target"));
    assertEquals(false, weak.get("_printk"));
  }

  @Test
  public void modinfoInFileOrder() {
    assertEquals(
        List.of(
            new ModinfoEntry("license", "Dual MIT/GPL"),
            new ModinfoEntry("description", "fixture: exports"),
            new ModinfoEntry("alias", "fx-core-alias"),
            new ModinfoEntry("firmware", "fx/core.fw"),
            new ModinfoEntry("parm", "fx_level:fixture parameter"),
            new ModinfoEntry("parmtype", "fx_level:int"),
            new ModinfoEntry("depends", ""),
            new ModinfoEntry("retpoline", "Y"),
            new ModinfoEntry("name", "fx_core"),
            new ModinfoEntry("vermagic", "6.1.0-50-amd64 SMP preempt mod_unload modversions ")),
        read("fx_core.ko").getModinfo());
  }

  @Test
  public void compressedAndSignedModulesReadLikeThePlainOnes() {
    ModuleRecord plain = read("fx_chain_a.ko");
    for (String variant : List.of("fx_chain_a.ko.xz", "fx_chain_a.ko.zst", "fx_chain_a.ko.gz")) {
      ModuleRecord r = read(variant);
      assertEquals(variant, "fx_chain_a", r.getName());
      assertEquals(variant, plain.getExports(), r.getExports());
      assertEquals(variant, plain.getImports(), r.getImports());
      assertEquals(variant, plain.getModinfo(), r.getModinfo());
      assertTrue(variant, messages(r).isEmpty());
    }
    ModuleRecord signed = read("fx_signed.ko");
    assertTrue(messages(signed).isEmpty());
    assertTrue(signed.getModinfo().contains(new ModinfoEntry("alias", "fx-signed")));
    assertTrue(signed.getModinfo().contains(new ModinfoEntry("depends", "fx_chain_c")));
  }
}
