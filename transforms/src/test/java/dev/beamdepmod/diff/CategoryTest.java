package dev.beamdepmod.diff;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.EnumSet;
import org.junit.Test;

/** --fail-on names. */
public class CategoryTest {
  @Test
  public void idsAreKebabCaseNames() {
    assertEquals("crc-changed", Category.CRC_CHANGED.id());
    assertEquals("modules-now-builtin", Category.MODULES_NOW_BUILTIN.id());
    for (Category c : Category.values()) {
      assertEquals(c, Category.of(c.id()));
    }
  }

  @Test
  public void listsAreCommaSeparatedWithAllForEverything() {
    assertEquals(EnumSet.of(Category.SYMBOLS_REMOVED, Category.CRC_CHANGED, Category.ALIASES_REMOVED),
        Category.parseList("symbols-removed, crc-changed,aliases-removed,"));
    assertEquals(EnumSet.allOf(Category.class), Category.parseList("crc-changed,all"));
    assertEquals(EnumSet.noneOf(Category.class), Category.parseList(""));
  }

  @Test
  public void unknownNamesAreRejectedWithTheValidOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Category.parseList("crc"));
    assertTrue(e.getMessage(), e.getMessage().startsWith("unknown change category 'crc'; valid: all, modules-added, "));
  }
}
