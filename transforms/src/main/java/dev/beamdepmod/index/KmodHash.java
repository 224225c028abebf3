package dev.beamdepmod.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * kmod's hash table order. depmod iterates its hash tables bucket by bucket (keys sorted by
 * unsigned bytes inside a bucket), so the hash function decides the order of modules and symbols
 * in the output files. Keys are byte strings held as ISO-8859-1 strings.
 */
public final class KmodHash {
  /** Buckets of depmod's module-name table. */
  public static final int MODULE_BUCKETS = 512;
  /** Buckets of depmod's symbol table. */
  public static final int SYMBOL_BUCKETS = 2048;

  private KmodHash() {}

  /** Paul Hsieh's SuperFastHash as kmod computes it on a little-endian host. */
  public static int hash(String key) {
    int len = key.length();
    int h = len;
    int i = 0;
    for (int n = len >>> 2; n > 0; n--, i += 4) {
      h += pair(key, i);
      int tmp = (pair(key, i + 2) << 11) ^ h;
      h = (h << 16) ^ tmp;
      h += h >>> 11;
    }
    // kmod reads the lone and the third trailing byte through a (signed) char
    switch (len & 3) {
      case 3 -> {
        h += pair(key, i);
        h ^= h << 16;
        h ^= signedByte(key, i + 2) << 18;
        h += h >>> 11;
      }
      case 2 -> {
        h += pair(key, i);
        h ^= h << 11;
        h += h >>> 17;
      }
      case 1 -> {
        h += signedByte(key, i);
        h ^= h << 10;
        h += h >>> 1;
      }
      default -> {}
    }
    h ^= h << 3;
    h += h >>> 5;
    h ^= h << 4;
    h += h >>> 17;
    h ^= h << 25;
    h += h >>> 6;
    return h;
  }

  public static int bucket(String key, int buckets) {
    return hash(key) & (buckets - 1);
  }

  /** The items in the iteration order of a table with {@code buckets} buckets keyed by {@code key}. */
  public static <T> List<T> tableOrder(Collection<T> items, Function<T, String> key, int buckets) {
    record Keyed<T>(int bucket, String key, T item) {}
    List<Keyed<T>> keyed = new ArrayList<>(items.size());
    for (T item : items) {
      String k = key.apply(item);
      keyed.add(new Keyed<>(bucket(k, buckets), k, item));
    }
    // String order equals unsigned byte order for ISO-8859-1 strings
    keyed.sort(Comparator.<Keyed<T>>comparingInt(Keyed::bucket).thenComparing(Keyed::key));
    List<T> ordered = new ArrayList<>(keyed.size());
    for (Keyed<T> k : keyed) {
      ordered.add(k.item());
    }
    return ordered;
  }

  private static int pair(String key, int i) {
    return (key.charAt(i) & 0xFF) | (key.charAt(i + 1) & 0xFF) << 8;
  }

  private static int signedByte(String key, int i) {
    return (byte) key.charAt(i);
  }
}
