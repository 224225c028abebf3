package dev.beamdepmod.config;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

public class ModuleFilesTest {
  @Test
  public void moduleExtensions() {
    for (String n : List.of("a.ko", "a.ko.xz", "a.ko.zst", "a.ko.gz", ".hidden.ko", "x.ko.ko")) {
      assertTrue(n, ModuleFiles.hasModuleExtension(n));
    }
    for (String n : List.of(".ko", ".ko.xz", ".ko.gz", "X.KO", "a.ko.bz2", "a.o", "a.ko~", "ko")) {
      assertFalse(n, ModuleFiles.hasModuleExtension(n));
    }
  }

  @Test
  public void relpathNeedsDirnameFollowedBySlash() {
    assertEquals("kernel/a.ko", ModuleFiles.relpath("/r/lib/modules/1.0/kernel/a.ko", "/r/lib/modules/1.0"));
    assertEquals("kernel/a.ko", ModuleFiles.relpath("/m/1.0//kernel/a.ko", "/m/1.0/"));
    assertNull(ModuleFiles.relpath("/r/lib/modules/1.0x/a.ko", "/r/lib/modules/1.0"));
    assertNull(ModuleFiles.relpath("/ext/a.ko", "/r/lib/modules/1.0"));
  }
}
