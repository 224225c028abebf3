package dev.beamdepmod.archive;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class EntryPathsTest {
  private static String normalised(String raw) {
    EntryPaths.Normalised n = EntryPaths.normalise(raw);
    return n.refusal() != null ? "refused: " + n.refusal() : n.path();
  }

  @Test
  public void safeNames() {
    assertEquals("lib/modules/v/a.ko", normalised("./lib/modules/v/a.ko"));
    assertEquals("a/b", normalised("././a//./b/"));
    assertEquals("", normalised("./"));
    assertEquals("...", normalised("..."));
    assertEquals("a/..b", normalised("a/..b"));
    assertEquals("x".repeat(4095), normalised("./" + "x".repeat(4095)));
  }

  @Test
  public void refusedNames() {
    assertEquals("refused: path traversal ('..')", normalised(".."));
    assertEquals("refused: path traversal ('..')", normalised("a/../b"));
    assertEquals("refused: path traversal ('..')", normalised("a/b/.."));
    assertEquals("refused: absolute path", normalised("/a"));
    assertEquals("refused: absolute path", normalised(".//a"));
    assertEquals("refused: NUL byte in name", normalised("a\0b"));
    assertEquals("refused: path longer than 4095 bytes", normalised("x".repeat(4096)));
  }

  @Test
  public void printableNames() {
    assertEquals("a\\x09b\\x7f\\xff\\x5c", EntryPaths.printable("a\tb\u007f\u00ff\\"));
  }
}
