package dev.beamdepmod.check;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.beamdepmod.schema.CheckResult;
import java.util.List;
import org.junit.Test;

/**
 * The check fixtures (fixtures/modules/check, C sources in fixtures/modules/src/check, built against
 * the same headers as the other fixtures): each fails exactly one check in the fixture kernel of
 * {@link PairCheckTest}, and fx_chk_ok loads.
 */
public class FixtureCheckTest {
  private static CheckResult check(String module) {
    return PairCheck.check(PairCheckTest.fixture("check/" + module + ".ko"), PairCheckTest.kernel());
  }

  /** The checks that failed, by their --fail-on names. */
  private static List<String> failed(CheckResult r) {
    return java.util.Arrays.stream(CheckId.values()).filter(c -> c.failed(r)).map(CheckId::id).toList();
  }

  @Test
  public void okLoads() {
    CheckResult r = check("fx_chk_ok");
    assertTrue(r.toString(), r.getLoads());
    assertEquals(List.of("kernel/fx_core.ko"), r.getDependencies());
  }

  @Test
  public void eachFailsItsCheckAlone() {
    String[][] cases = {
      {"fx_chk_unknown", "unknown-symbols"}, {"fx_chk_crc", "crc"}, {"fx_chk_ns", "namespace"}, {"fx_chk_gpl", "gpl"},
      {"fx_chk_vermagic", "vermagic"}, {"fx_chk_elf", "elf"}, {"fx_chk_size", "this-module-size"},
    };
    for (String[] c : cases) {
      CheckResult r = check(c[0]);
      assertFalse(c[0], r.getLoads());
      assertEquals(c[0] + ": " + r, List.of(c[1]), failed(r));
    }
  }

  @Test
  public void theFailuresNameTheirSymbolsAndValues() {
    assertEquals(List.of("fx_chk_nowhere_fn"), check("fx_chk_unknown").getUnknownSymbols());
    assertEquals(List.of("fx_chain_c_fn"), check("fx_chk_crc").getCrcMismatches());
    assertEquals(List.of("fx_core_ns_fn:FX_NS"), check("fx_chk_ns").getMissingNamespaces());
    assertEquals(List.of("fx_core_gpl_fn"), check("fx_chk_gpl").getGplOnlySymbols());
    assertEquals("module \"6.1.0-50-amd64 SMP preempt mod_unload modversionz \", kernel \"6.1.0-50-amd64 SMP preempt"
        + " mod_unload modversions \"", check("fx_chk_vermagic").getVermagicMismatch());
    assertEquals("module ELF64 little-endian machine 183, kernel ELF64 little-endian machine 62",
        check("fx_chk_elf").getElfMismatch());
    assertTrue(check("fx_chk_size").getThisModuleSizeMismatch(),
        check("fx_chk_size").getThisModuleSizeMismatch().matches("module \\d+ bytes, kernel \\d+ bytes"));
  }
}
