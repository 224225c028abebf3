package dev.beamdepmod.cache;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key of a stored file: SHA-256 over its bytes as stored (compressed files are not decoded), so
 * two files share an entry exactly when their bytes are equal. Entries of one format version live
 * in their own directory: a reader of another version never even opens them.
 */
public final class CacheKey {
  private CacheKey() {}

  public static String of(byte[] stored) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The entry's name below the cache location: {@code modules-v<format>/<2 hex digits>/<key>}. */
  public static String entryName(String key) {
    return "modules-v" + EntryFormat.VERSION + "/" + key.substring(0, 2) + "/" + key;
  }
}
