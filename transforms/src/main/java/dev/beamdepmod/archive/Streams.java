package dev.beamdepmod.archive;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Exact reads for the fixed-layout parts of archives. */
final class Streams {
  private Streams() {}

  static byte[] readFully(InputStream in, int n) throws IOException {
    byte[] bytes = in.readNBytes(n);
    if (bytes.length != n) {
      throw new EOFException();
    }
    return bytes;
  }

  static void skipFully(InputStream in, long n) throws IOException {
    byte[] scratch = new byte[8192];
    for (long left = n; left > 0; ) {
      int r = in.read(scratch, 0, (int) Math.min(scratch.length, left));
      if (r < 0) {
        throw new EOFException();
      }
      left -= r;
    }
  }

  /** An unsigned number written in {@code radix} digits (optionally followed by spaces), or -1 if malformed. */
  static long parseNumber(byte[] b, int off, int len, int radix) {
    long value = 0;
    int i = off;
    for (; i < off + len && b[i] != ' '; i++) {
      int digit = Character.digit(b[i] & 0xff, radix);
      if (digit < 0) {
        return -1;
      }
      value = value * radix + digit;
    }
    if (i == off) {
      return -1;
    }
    for (; i < off + len; i++) {
      if (b[i] != ' ') {
        return -1;
      }
    }
    return value;
  }
}
