package dev.beamdepmod.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * An RPM package: a 96-byte lead, the signature header (padded to a multiple of 8 bytes), the
 * main header, then the payload, a cpio archive in the compression its magic shows. The headers
 * are skipped, not interpreted.
 */
final class RpmReader {
  static final byte[] LEAD_MAGIC = {(byte) 0xed, (byte) 0xab, (byte) 0xee, (byte) 0xdb};
  private static final byte[] HEADER_MAGIC = {(byte) 0x8e, (byte) 0xad, (byte) 0xe8, 1};
  private static final int LEAD = 96;
  /**
   * rpm's own bounds for one header (it refuses larger ones): 65535 index entries, 256 MiB of data.
   * Headers are skipped, never held, so these bound how far a corrupt size can send the reader.
   */
  private static final long MAX_TAGS = 0xffff;
  private static final long MAX_DATA = 0x0fffffff;

  private RpmReader() {}

  static boolean matches(byte[] head) {
    return head.length >= LEAD_MAGIC.length && Arrays.equals(head, 0, LEAD_MAGIC.length, LEAD_MAGIC, 0, LEAD_MAGIC.length);
  }

  /** Reads up to the payload, which is returned unread. */
  static Payload payload(String packageName, BufferedInputStream in) throws IOException {
    Streams.skipFully(in, LEAD);
    skipHeader(packageName, in, "signature header", true);
    skipHeader(packageName, in, "header", false);
    return new Payload(Payload.Format.CPIO, Codec.sniff(in), in);
  }

  private static void skipHeader(String packageName, BufferedInputStream in, String what, boolean padded) throws IOException {
    ByteBuffer intro = ByteBuffer.wrap(Streams.readFully(in, 16));
    byte[] magic = new byte[4];
    intro.get(magic);
    if (!Arrays.equals(magic, HEADER_MAGIC)) {
      throw new PackageFormatException(packageName, null, "corrupt RPM " + what + " (bad magic)");
    }
    intro.getInt();
    long tags = Integer.toUnsignedLong(intro.getInt());
    long data = Integer.toUnsignedLong(intro.getInt());
    if (tags > MAX_TAGS || data > MAX_DATA) {
      throw new PackageFormatException(packageName, null,
          "corrupt RPM " + what + " (" + tags + " index entries, " + data + " bytes of data)");
    }
    long size = 16 * tags + data;
    Streams.skipFully(in, padded ? size + (8 - size % 8) % 8 : size);
  }
}
