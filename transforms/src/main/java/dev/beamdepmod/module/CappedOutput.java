package dev.beamdepmod.module;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** Collects decompressed bytes into one growing array, refusing to grow past {@link Limits#MAX_CONTENT_BYTES}. */
final class CappedOutput {
  /** Thrown when the content would exceed the limit. */
  static final class TooLargeException extends IOException {
    TooLargeException() {
      super(null, null);
    }
  }

  private byte[] buffer;
  private int length;

  CappedOutput(long expectedSize) {
    buffer = new byte[(int) Math.max(4096, Math.min(expectedSize, Limits.MAX_CONTENT_BYTES))];
  }

  /** Copies the stream until its end. */
  void readAll(InputStream in) throws IOException {
    while (true) {
      if (length == buffer.length && buffer.length == Limits.MAX_CONTENT_BYTES) {
        if (in.read() >= 0) {
          throw new TooLargeException();
        }
        return;
      }
      int room = makeRoom();
      int n = in.read(buffer, length, room);
      if (n < 0) {
        return;
      }
      length += n;
    }
  }

  /** Grows the array if it is full; returns how many bytes fit at {@link #length()}. */
  int makeRoom() throws TooLargeException {
    if (length == buffer.length) {
      if (buffer.length == Limits.MAX_CONTENT_BYTES) {
        throw new TooLargeException();
      }
      buffer = Arrays.copyOf(buffer, (int) Math.min(Limits.MAX_CONTENT_BYTES, 2L * buffer.length));
    }
    return buffer.length - length;
  }

  /** Records count bytes written by the caller into {@link #array()} at {@link #length()}. */
  void advance(int count) {
    length += count;
  }

  byte[] array() {
    return buffer;
  }

  int length() {
    return length;
  }

  ByteBuffer content() {
    return ByteBuffer.wrap(buffer, 0, length);
  }
}
