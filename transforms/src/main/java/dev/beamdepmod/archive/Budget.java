package dev.beamdepmod.archive;

import java.io.IOException;
import java.io.InputStream;

/**
 * The unpacked archive stream (tar or cpio), counted. It fails once the package has produced
 * more than its total limit, which bounds the work a decompression bomb can cause, and, while a
 * header limit is set, once a header (with its long names, PAX records, sparse maps) takes more
 * than that, which bounds what the archive library buffers for one entry.
 */
final class Budget extends BlockInputStream {
  /**
   * Most bytes one entry's headers may take, which the archive library holds whole: a memory budget.
   * Names need at most a few KiB in any of tar's forms for them (a path or link name longer than
   * PATH_MAX is refused anyway, {@link EntryPaths#MAX_PATH}); the rest is room for PAX records such
   * as a file's extended attributes (Linux allows 64 KiB per value). The bound also keeps the
   * archive library's recursion over chained extended headers shallow.
   */
  static final int HEADER_BYTES = 256 << 10;

  private final InputStream in;
  private final String packageName;
  private final long total;
  private long count;
  private long headerEnd = Long.MAX_VALUE;
  /** Where skipped bytes are read to (skips come per entry: padding, directories). */
  private byte[] scratch;

  Budget(InputStream in, String packageName, long total) {
    this.in = in;
    this.packageName = packageName;
    this.total = total;
  }

  /** Bytes the package may still produce. */
  long remaining() {
    return total - count;
  }

  /** From now on allow at most {@link #HEADER_BYTES} more until {@link #endHeader()}. */
  void startHeader() {
    headerEnd = count + HEADER_BYTES;
  }

  void endHeader() {
    headerEnd = Long.MAX_VALUE;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    long allowed = Math.min(total, headerEnd) - count;
    if (allowed <= 0) {
      if (in.read() < 0) {
        return -1;
      }
      throw overLimit();
    }
    int n = in.read(b, off, (int) Math.min(len, allowed));
    if (n > 0) {
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    if (scratch == null) {
      scratch = new byte[8192];
    }
    long skipped = 0;
    while (skipped < n) {
      int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  /** Reads to the end, so that the decoder below checks its trailer (CRC, sizes). */
  void drain() throws IOException {
    skip(Long.MAX_VALUE);
  }

  private PackageFormatException overLimit() {
    String reason = headerEnd < total
        ? "an entry header (with its long names and extended records) is larger than " + HEADER_BYTES + " bytes"
        : "the unpacked archive is larger than the limit of " + total + " bytes";
    return new PackageFormatException(packageName, null, reason);
  }
}
