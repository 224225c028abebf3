package dev.beamdepmod.archive;

import java.io.Serializable;

/**
 * Bounds that keep a hostile package from exhausting memory or time. A package over a limit is
 * rejected with a {@link PackageFormatException}. The defaults are budgets, not models of real
 * packages: entries are streamed, so nothing else about an entry needs a bound of its own.
 *
 * @param maxEntrySize largest declared size of one entry, in bytes: what a visitor that holds an
 *     entry (a module to read) may have to hold
 * @param maxTotalSize most bytes of the unpacked archive stream (tar or cpio, headers included)
 *     read for one package: the work a decompression bomb can cause, since every entry takes at
 *     least its header of this stream
 * @param maxEntries most entries (of any type) in one package
 */
public record ArchiveLimits(long maxEntrySize, long maxTotalSize, int maxEntries) implements Serializable {
  /**
   * 256 MiB per entry read, the module reader's content budget (it could not read a larger module
   * anyway); 4 GiB per package; no count of entries of its own, as the total bounds the time and
   * the paths remembered for the duplicate check have their own memory bound.
   */
  public static final ArchiveLimits DEFAULT = new ArchiveLimits(256L << 20, 4L << 30, Integer.MAX_VALUE);

  /**
   * How many times its stored size a package may unpack to, when that is more than 4 GiB. Real
   * kernel packages unpack to at most 6.5 times their size (a 1 GB -dbg package to 6.8 GB); the
   * bound keeps a decompression bomb from streaming for hours.
   */
  static final long MAX_EXPANSION = 16;

  /** The limits for a package of this stored size: {@link #DEFAULT}, with room for large packages. */
  public static ArchiveLimits forPackage(long storedSize) {
    return new ArchiveLimits(DEFAULT.maxEntrySize(),
        Math.max(DEFAULT.maxTotalSize(), MAX_EXPANSION * Math.max(0, storedSize)), DEFAULT.maxEntries());
  }

  public ArchiveLimits {
    if (maxEntrySize < 0 || maxTotalSize < 0 || maxEntries < 0) {
      throw new IllegalArgumentException("limits must not be negative");
    }
  }
}
