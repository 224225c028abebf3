package dev.beamdepmod.index;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.HexFormat;
import org.junit.Test;

public class IndexTest {
  private static byte[] hex(String dump) {
    return HexFormat.of().parseHex(dump.replaceAll("\\s", ""));
  }

  @Test
  public void emptyIndexIsTwelveBytes() {
    assertArrayEquals(hex("b007f457 00020001 0000000c"), new Index().toBytes());
  }

  /** docs/depmod-rules.md §A.9.1: modules.alias.bin of a (on, one) and b (on, ask-x), 123 bytes. */
  @Test
  public void aliasExampleMatchesKmodByteForByte() {
    Index index = new Index();
    index.insert("on", "a", 0);
    index.insert("one", "a", 0);
    index.insert("on", "b", 1);
    index.insert("ask_x", "b", 1);
    byte[] expected = hex("""
        b0 07 f4 57 00 02 00 01 20 00 00 0c 61 6f c0 00
        00 4a 00 00 00 00 00 00 00 00 00 00 00 00 00 00
        00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
        00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
        00 00 00 00 00 00 e0 00 00 59 73 6b 5f 78 00 00
        00 00 01 00 00 00 01 62 00 6e 00 65 65 40 00 00
        71 00 00 00 02 00 00 00 00 61 00 00 00 00 01 62
        00 00 00 00 01 00 00 00 00 61 00
        """);
    assertArrayEquals(expected, index.toBytes());
  }

  /** docs/depmod-rules.md §A.9.3: modules.dep.bin of the same tree, 64 bytes. */
  @Test
  public void depExampleMatchesKmodByteForByte() {
    Index index = new Index();
    index.insert("a", "kernel/a.ko:", 0);
    index.insert("b", "kernel/b.ko:", 1);
    byte[] expected = hex("""
        b007 f457 0002 0001 2000 000c 6162 4000
        0016 4000 002b 0000 0001 0000 0000 6b65
        726e 656c 2f61 2e6b 6f3a 0000 0000 0100
        0000 016b 6572 6e65 6c2f 622e 6b6f 3a00
        """);
    assertArrayEquals(expected, index.toBytes());
  }

  @Test
  public void insertionOrderDoesNotChangeTheTrie() {
    Index forward = new Index();
    Index backward = new Index();
    String[] keys = {"on", "one", "ask_x", "o", "onerous", "a"};
    for (int i = 0; i < keys.length; i++) {
      forward.insert(keys[i], "v", 0);
      backward.insert(keys[keys.length - 1 - i], "v", 0);
    }
    assertArrayEquals(forward.toBytes(), backward.toBytes());
  }

  @Test
  public void equalPrioritiesAreStoredNewestFirstAndDuplicatesReported() {
    Index index = new Index();
    assertFalse(index.insert("k", "mod1", 0));
    assertFalse(index.insert("k", "mod2", 0));
    assertTrue(index.insert("k", "mod1", 0));
    index.insert("k", "late", 5);
    index.insert("k", "early", 3);
    // root: child 'k' (values only) at 12 + 2 + 4 = 18
    byte[] expected = hex("b007f457 00020001 2000000c 6b6b 40000012"
        + " 00000005"
        + " 00000000 6d6f643100" // mod1 (newest of priority 0)
        + " 00000000 6d6f643200"
        + " 00000000 6d6f643100"
        + " 00000003 6561726c7900"
        + " 00000005 6c61746500");
    assertArrayEquals(expected, index.toBytes());
  }

  @Test
  public void emptyKeyValuesSitOnTheRoot() {
    Index index = new Index();
    index.insert("", "m", 2);
    assertArrayEquals(hex("b007f457 00020001 4000000c 00000001 00000002 6d00"), index.toBytes());
  }

  @Test
  public void nonAsciiKeyIsRefusedWithKmodsMessage() {
    Index index = new Index();
    IndexCharacterException e =
        assertThrows(IndexCharacterException.class, () -> index.insert("caf\u00e9", "m\u00ff", 0));
    assertEquals("Module index: bad character '\u00e9'=0xe9 - only 7-bit ASCII is supported:\ncaf\u00e9",
        e.kmodText());
  }

  @Test
  public void nonAsciiValueIsRefused() {
    IndexCharacterException e =
        assertThrows(IndexCharacterException.class, () -> new Index().insert("ok", "x\u0080", 0));
    assertEquals("Module index: bad character '\u0080'=0x80 - only 7-bit ASCII is supported:\nx\u0080",
        e.kmodText());
  }
}
