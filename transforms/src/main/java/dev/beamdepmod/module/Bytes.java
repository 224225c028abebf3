package dev.beamdepmod.module;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A read-only window on a byte array with an ELF byte order. Indexes are relative to the window;
 * callers bounds-check them against {@link #length()} before reading.
 */
final class Bytes {
  private final byte[] array;
  private final int base;
  private final int length;
  private final boolean bigEndian;

  private Bytes(byte[] array, int base, int length, boolean bigEndian) {
    this.array = array;
    this.base = base;
    this.length = length;
    this.bigEndian = bigEndian;
  }

  /** Wraps the remaining bytes of a buffer, copying only when the buffer exposes no array. */
  static Bytes of(ByteBuffer buffer, boolean bigEndian) {
    if (buffer.hasArray()) {
      return new Bytes(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining(), bigEndian);
    }
    byte[] copy = new byte[buffer.remaining()];
    buffer.duplicate().get(copy);
    return new Bytes(copy, 0, copy.length, bigEndian);
  }

  Bytes withBigEndian(boolean big) {
    return new Bytes(array, base, length, big);
  }

  int length() {
    return length;
  }

  /** The first count bytes of this window. */
  Bytes prefix(int count) {
    return new Bytes(array, base, count, bigEndian);
  }

  /** The backing array; the window starts at {@link #offset()}. */
  byte[] array() {
    return array;
  }

  int offset() {
    return base;
  }

  int u8(int index) {
    return array[base + index] & 0xFF;
  }

  int u16(int index) {
    int a = u8(index);
    int b = u8(index + 1);
    return bigEndian ? a << 8 | b : b << 8 | a;
  }

  long u32(int index) {
    long a = u16(index);
    long b = u16(index + 2);
    return bigEndian ? a << 16 | b : b << 16 | a;
  }

  long u64(int index) {
    long a = u32(index);
    long b = u32(index + 4);
    return bigEndian ? a << 32 | b : b << 32 | a;
  }

  /** An unsigned field of 4 or 8 bytes (ELF class dependent), as the bit pattern of a long. */
  long word(int index, boolean is64) {
    return is64 ? u64(index) : u32(index);
  }

  /** Length of the NUL-terminated string at index, stopping at the end of the window. */
  int stringLength(int index) {
    return stringLength(index, length - index);
  }

  /** Length of the NUL-terminated string at index within max bytes; max when there is no NUL. */
  int stringLength(int index, int max) {
    int end = base + index + max;
    int i = base + index;
    while (i < end && array[i] != 0) {
      i++;
    }
    return i - base - index;
  }

  /** The bytes [index, index + count) as an ISO-8859-1 string (one char per byte). */
  String string(int index, int count) {
    return new String(array, base + index, count, StandardCharsets.ISO_8859_1);
  }

  /** Whether the bytes at index start with prefix. */
  boolean startsWith(int index, byte[] prefix) {
    if (index < 0 || prefix.length > length - index) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (array[base + index + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Whether the bytes [index, index + count) equal other's [otherIndex, otherIndex + otherCount). */
  boolean stringEquals(int index, int count, Bytes other, int otherIndex, int otherCount) {
    return count == otherCount
        && Arrays.equals(array, base + index, base + index + count,
            other.array, other.base + otherIndex, other.base + otherIndex + otherCount);
  }

  /** Hash of the bytes [index, index + count), consistent with {@link #stringEquals}. */
  int hash(int index, int count) {
    int h = 1;
    for (int i = base + index, end = i + count; i < end; i++) {
      h = 31 * h + array[i];
    }
    return h;
  }
}
