package dev.beamdepmod.archive;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.junit.Test;

public class ModuleTreePathTest {
  @Test
  public void pathsBelowAVersionDirectory() {
    assertEquals(new ModuleTreePath("lib/modules", "6.1.0-50-amd64", "kernel/fs/ext4/ext4.ko"),
        ModuleTreePath.of("lib/modules/6.1.0-50-amd64/kernel/fs/ext4/ext4.ko"));
    assertEquals(new ModuleTreePath("usr/lib/modules", "6.12+x", "modules.order"),
        ModuleTreePath.of("usr/lib/modules/6.12+x/modules.order"));
    assertEquals(new ModuleTreePath("lib/modules", "v", "build"), ModuleTreePath.of("./lib/modules/v/build"));
  }

  @Test
  public void otherPaths() {
    assertNull(ModuleTreePath.of("lib/modules/v"));
    assertNull(ModuleTreePath.of("lib/modules/v/"));
    assertNull(ModuleTreePath.of("lib/modules/x.ko"));
    assertNull(ModuleTreePath.of("lib/modules"));
    assertNull(ModuleTreePath.of("usr/lib/modulesX/v/a.ko"));
    assertNull(ModuleTreePath.of("usr/lib/debug/lib/modules/v/a.ko"));
    assertNull(ModuleTreePath.of("boot/vmlinuz"));
  }
}
