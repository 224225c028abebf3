package dev.beamdepmod.archive;

import java.io.IOException;
import java.io.InputStream;

/** The bytes of one entry as the visitor sees them: exactly the declared size, then end of stream. */
final class EntryContent extends BlockInputStream {
  private final String packageName;
  private final String entry;
  private final InputStream data;
  private final long size;
  private long remaining;
  private boolean open = true;

  EntryContent(String packageName, String entry, InputStream data, long size) {
    this.packageName = packageName;
    this.entry = entry;
    this.data = data;
    this.size = size;
    this.remaining = size;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (!open) {
      throw new IOException("the content of " + EntryPaths.printable(entry) + " was read after its visit ended");
    }
    if (len == 0) {
      return 0;
    }
    if (remaining == 0) {
      return -1;
    }
    int n;
    try {
      n = data.read(b, off, (int) Math.min(len, remaining));
    } catch (IOException | RuntimeException e) {
      throw Failures.classify(packageName, entry, null, e);
    }
    if (n < 0) {
      throw new PackageFormatException(packageName, entry,
          "truncated: the data ends after " + (size - remaining) + " of " + size + " bytes");
    }
    remaining -= n;
    return n;
  }

  /** Skips what the visitor left unread (checking that it is there) and ends the visit. */
  void finish() throws IOException {
    byte[] scratch = new byte[8192];
    while (remaining > 0) {
      read(scratch, 0, scratch.length);
    }
    open = false;
  }
}
