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
  /** 256 MiB per entry, 4 GiB per package, 200,000 entries (a Debian kernel package has ~5,000). */
  public static final ArchiveLimits DEFAULT = new ArchiveLimits(256L << 20, 4L << 30, 200_000);

  public ArchiveLimits {
    if (maxEntrySize < 0 || maxTotalSize < 0 || maxEntries < 0) {
      throw new IllegalArgumentException("limits must not be negative");
    }
  }
}
