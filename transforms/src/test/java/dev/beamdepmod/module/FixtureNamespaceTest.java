package dev.beamdepmod.module;

import static dev.beamdepmod.module.ModuleRecords.exports;
import static dev.beamdepmod.module.ModuleRecords.namespaces;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;

import dev.beamdepmod.schema.ModuleRecord;
import java.nio.file.Path;
import org.junit.Test;

/** Namespaces of the kbuild-made fixture modules (fixtures/README.md). */
public class FixtureNamespaceTest {
  private static ModuleRecord fixture(String file) {
    return ModuleRecords.read("/lib/modules/1.0/kernel/" + file, Path.of("../fixtures/modules", file));
  }

  @Test
  public void modversionsExportsGetTheirNamespace() {
    assertThat(namespaces(fixture("fx_core.ko")), containsInAnyOrder(
        "fx_core_fn=null", "fx_core_gpl_fn=null", "fx_core_ns_fn=FX_NS", "fx_weak_target=null"));
  }

  @Test
  public void ksymtabStringsExportsGetTheirNamespaceAndTheNamespaceNameStaysAnExport() {
    ModuleRecord r = fixture("fx_nocrc.ko");
    assertThat(exports(r), containsInAnyOrder("fx_nocrc_fn=0", "FX_NOCRC_NS=0", "fx_nocrc_plain=0"));
    assertThat(namespaces(r), containsInAnyOrder(
        "fx_nocrc_fn=FX_NOCRC_NS", "FX_NOCRC_NS=null", "fx_nocrc_plain=null"));
  }
}
