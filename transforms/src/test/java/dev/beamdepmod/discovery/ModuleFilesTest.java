package dev.beamdepmod.discovery;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import dev.beamdepmod.config.ConfigFile;
import dev.beamdepmod.config.DepmodConfig;
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
  public void compressionIsCutAfterKo() {
    for (String suffix : List.of("", ".xz", ".zst", ".gz")) {
      assertEquals("kernel/a.ko", ModuleFiles.uncompressed("kernel/a.ko" + suffix));
    }
    assertEquals("kernel/a.ko.bz2", ModuleFiles.uncompressed("kernel/a.ko.bz2"));
  }

  @Test
  public void skippedNamesAreTheFixedOnesAndTheExcludes() {
    DepmodConfig c = DepmodConfig.parse("1.0", List.of(ConfigFile.of("a", "exclude weird\n".getBytes(ISO_8859_1))));
    for (String name : List.of(".", "..", "build", "source", "weird")) {
      assertTrue(name, ModuleFiles.isSkipped(c, name));
    }
    for (String name : List.of(".hidden", "Build", "weird2", "...")) {
      assertFalse(name, ModuleFiles.isSkipped(c, name));
    }
  }

  @Test
  public void mayKeepChecksEveryComponentAndTheExtension() {
    DepmodConfig c = DepmodConfig.parse("1.0", List.of(ConfigFile.of("a", "exclude weird\n".getBytes(ISO_8859_1))));
    assertTrue(TreeWalker.mayKeep(c, "kernel/sub/a.ko.xz"));
    assertFalse(TreeWalker.mayKeep(c, "kernel/weird/a.ko"));
    assertFalse(TreeWalker.mayKeep(c, "build/a.ko"));
    assertFalse(TreeWalker.mayKeep(c, "kernel/weird"));
    assertFalse(TreeWalker.mayKeep(c, "kernel/a.txt"));
    assertFalse(TreeWalker.mayKeep(c, "kernel/.ko"));
  }

  @Test
  public void relpathNeedsDirnameFollowedBySlash() {
    assertEquals("kernel/a.ko", ModuleFiles.relpath("/r/lib/modules/1.0/kernel/a.ko", "/r/lib/modules/1.0"));
    assertEquals("kernel/a.ko", ModuleFiles.relpath("/m/1.0//kernel/a.ko", "/m/1.0/"));
    assertNull(ModuleFiles.relpath("/r/lib/modules/1.0x/a.ko", "/r/lib/modules/1.0"));
    assertNull(ModuleFiles.relpath("/ext/a.ko", "/r/lib/modules/1.0"));
  }
}
