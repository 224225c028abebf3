package dev.beamdepmod.archive;

import java.io.Serializable;

/**
 * Bounds that keep a hostile package from exhausting memory or time. A package over a limit is
 * rejected with a {@link PackageFormatException}.
 *
 * @param maxEntrySize largest declared size of one entry, in bytes
 * @param maxTotalSize most bytes of the unpacked archive stream (tar or cpio, headers included)
 *     read for one package
 * @param maxEntries most entries (of any type) in one package
 */
public record ArchiveLimits(long maxEntrySize, long maxTotalSize, int maxEntries) implements Serializable {
  /**
   * 256 MiB per entry read (the module reader's content cap: a larger module could not be read
   * anyway), 4 GiB per package, 200,000 entries (a Debian kernel package has ~5,000).
   */
  public static final ArchiveLimits DEFAULT = new ArchiveLimits(256L << 20, 4L << 30, 200_000);

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
