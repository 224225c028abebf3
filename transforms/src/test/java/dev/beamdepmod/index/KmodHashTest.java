package dev.beamdepmod.index;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;

public class KmodHashTest {
  private static void vector(String key, int hash, int bucket512, int bucket2048) {
    assertEquals(key, hash, KmodHash.hash(key));
    assertEquals(key, bucket512, KmodHash.bucket(key, KmodHash.MODULE_BUCKETS));
    assertEquals(key, bucket2048, KmodHash.bucket(key, KmodHash.SYMBOL_BUCKETS));
  }

  @Test
  public void specTestVectors() {
    vector("", 0x00000000, 0, 0);
    vector("a", 0x115ea782, 386, 1922);
    vector("ab", 0x516b8b44, 324, 836);
    vector("abc", 0xd2be198a, 394, 394);
    vector("abcd", 0xdad8b8db, 219, 219);
    vector("abcde", 0x51ed072e, 302, 1838);
    vector("ext4", 0xe679ab16, 278, 790);
    vector("usb_storage", 0x9f9b2fab, 427, 1963);
    vector("a_fn", 0xfe54e35e, 350, 862);
  }

  @Test
  public void highBytesAreSignedWhereKmodReadsAChar() {
    vector("\u00e9", 0x69ea06c0, 192, 1728);
    vector("ab\u00e9", 0xb4dfd4b5, 181, 1205);
  }

  @Test
  public void tableOrderIsBucketThenBytes() {
    // buckets: a 386, b 225, c 191 (docs/depmod-rules.md §7.3)
    assertEquals(List.of("c", "b", "a"),
        KmodHash.tableOrder(List.of("a", "b", "c"), s -> s, KmodHash.MODULE_BUCKETS));
    // symbols of docs/depmod-rules.md §14.1: a_fn 862, b_fn 1136, c_fn 1531
    assertEquals(List.of("a_fn", "b_fn", "c_fn"),
        KmodHash.tableOrder(List.of("c_fn", "b_fn", "a_fn"), s -> s, KmodHash.SYMBOL_BUCKETS));
  }

  @Test
  public void sameBucketSortsByUnsignedBytes() {
    // with one bucket only the byte order remains; 0xE9 sorts after ASCII
    assertEquals(List.of("B", "a", "ab", "\u00e9"),
        KmodHash.tableOrder(List.of("\u00e9", "ab", "a", "B"), s -> s, 1));
  }
}
