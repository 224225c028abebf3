package dev.beamdepmod.module;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Collects decompressed bytes into one array, refusing to grow past {@link Limits#MAX_CONTENT_BYTES}.
 * Given the exact size (when the compressed file states it), the array is allocated once at that size
 * and never copied: a full array first checks that the stream has ended before it grows.
 */
final class CappedOutput {
  /** Thrown when the content would exceed the limit. */
  static final class TooLargeException extends IOException {
    TooLargeException() {
      super(null, null);
    }
  }

  private byte[] buffer;
  private int length;

  /** @param expectedSize the size the content most likely has (it may differ) */
  CappedOutput(long expectedSize) {
    buffer = new byte[(int) Math.max(4096, Math.min(expectedSize, Limits.MAX_CONTENT_BYTES))];
  }

  /** Copies the stream until its end. */
  void readAll(InputStream in) throws IOException {
    while (true) {
      if (full()) {
        int next = in.read();
        if (next < 0) {
          return;
        }
        append((byte) next);
      }
      int n = in.read(buffer, length, buffer.length - length);
      if (n < 0) {
        return;
      }
      length += n;
    }
  }

  /** Grows the array if it is full. */
  private void makeRoom() throws TooLargeException {
    if (length == buffer.length) {
      if (buffer.length == Limits.MAX_CONTENT_BYTES) {
        throw new TooLargeException();
      }
      buffer = Arrays.copyOf(buffer, (int) Math.min(Limits.MAX_CONTENT_BYTES, 2L * buffer.length));
    }
  }

  /** Whether the array is full (the next byte makes it grow). */
  boolean full() {
    return length == buffer.length;
  }

  /** Appends one byte, growing the array if it is full. */
  void append(byte b) throws TooLargeException {
    makeRoom();
    buffer[length++] = b;
  }

  /** Records count bytes written by the caller into {@link #array()} at {@link #length()} (not past its end). */
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
