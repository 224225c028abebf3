package dev.beamdepmod.module;

/**
 * The decoded size an .xz file declares in its index, read from the end of the file, so that the
 * output buffer is allocated once at its exact size. Only the plain case is read: one stream,
 * optionally followed by Stream Padding.
 */
final class XzIndex {
  private static final int HEADER_SIZE = 12;
  private static final int FOOTER_SIZE = 12;

  private XzIndex() {}

  /** The sum of the index's uncompressed sizes, or -1 when the file is not one plain stream. */
  static long uncompressedSize(byte[] xz) {
    int end = xz.length;
    while (end >= 4 && xz[end - 1] == 0 && xz[end - 2] == 0 && xz[end - 3] == 0 && xz[end - 4] == 0) end -= 4;
    if (end < HEADER_SIZE + FOOTER_SIZE || xz[end - 2] != 'Y' || xz[end - 1] != 'Z') return -1;
    long indexSize = ((xz[end - 8] & 0xffL) | (xz[end - 7] & 0xffL) << 8 | (xz[end - 6] & 0xffL) << 16
        | (xz[end - 5] & 0xffL) << 24) + 1 << 2;
    long indexStart = end - FOOTER_SIZE - indexSize;
    if (indexStart < HEADER_SIZE || xz[(int) indexStart] != 0) return -1;
    int[] pos = {(int) indexStart + 1};
    int indexEnd = (int) (indexStart + indexSize - 4);
    long records = varint(xz, pos, indexEnd);
    long blocks = 0;
    long total = 0;
    for (long i = 0; i < records; i++) {
      long unpadded = varint(xz, pos, indexEnd);
      long uncompressed = varint(xz, pos, indexEnd);
      if (unpadded < 0 || uncompressed < 0) return -1;
      blocks += unpadded + 3 & ~3L;
      total += uncompressed;
      if (blocks > end || total < 0) return -1;
    }
    // The blocks must fill the space between header and index exactly: otherwise there is more
    // than one stream.
    return records >= 0 && HEADER_SIZE + blocks == indexStart ? total : -1;
  }

  /** A multibyte integer of the xz format, or -1 when it runs past the limit or over 63 bits. */
  private static long varint(byte[] b, int[] pos, int limit) {
    long value = 0;
    for (int shift = 0; shift < 63; shift += 7) {
      if (pos[0] >= limit) return -1;
      int x = b[pos[0]++] & 0xff;
      value |= (long) (x & 0x7f) << shift;
      if ((x & 0x80) == 0) return value;
    }
    return -1;
  }
}
