package dev.beamdepmod.archive;

import java.io.IOException;
import java.io.InputStream;

/** A stream whose single-byte read is its block read of one byte, so the counting lives in one place. */
abstract class BlockInputStream extends InputStream {
  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n <= 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public abstract int read(byte[] b, int off, int len) throws IOException;
}
