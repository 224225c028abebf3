package dev.beamdepmod.module;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** Module names from file names (docs/depmod-rules.md §5.5). */
public class ModuleNameTest {
  @Test
  public void nameIsTheFileNameUpToTheFirstDotWithDashesAsUnderscores() {
    assertEquals("my_mod", ModuleName.of("/lib/modules/1.0/kernel/my-mod.ko"));
    assertEquals("foo", ModuleName.of("/x/foo.bar.ko"));
    assertEquals("x_y", ModuleName.of("/x/x-y.ko.xz"));
    assertEquals("", ModuleName.of("/x/.hidden.ko"));
    assertEquals("Caps_1", ModuleName.of("/a.b/Caps-1.ko.zst"));
    assertEquals("\u00e9_", ModuleName.of("rel/\u00e9-.ko"));
    assertEquals("noext", ModuleName.of("noext"));
    assertEquals("noext", ModuleName.of("/d/noext"));
    assertEquals("x_y", ModuleName.of("kernel/x-y.ko.xz"));
  }

  @Test
  public void nameIsTruncatedLikeKmodsPathBuffer() {
    assertEquals("a".repeat(4095), ModuleName.of("/x/" + "a".repeat(5000) + ".ko"));
  }
}
