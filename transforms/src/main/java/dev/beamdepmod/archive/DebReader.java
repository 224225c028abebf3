package dev.beamdepmod.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A Debian binary package: an ar archive of "debian-binary" (format version "2.x"), the control
 * tarball and the data tarball "data.tar[.gz|.xz|.zst|.bz2|.lzma]", whose compression its name
 * tells. Only plain ar member names are supported, as in every .deb.
 */
final class DebReader {
  static final byte[] MAGIC = "!<arch>\n".getBytes(StandardCharsets.ISO_8859_1);
  private static final int HEADER = 60;

  private DebReader() {}

  /** Reads up to the data member, which is returned unread. */
  static Payload payload(String packageName, InputStream in) throws IOException {
    Streams.skipFully(in, MAGIC.length);
    Member first = member(packageName, in);
    if (first == null || !first.name.equals("debian-binary")) {
      throw new PackageFormatException(packageName, null, "not a Debian binary package (no debian-binary member first)");
    }
    if (first.size > 64) {
      throw new PackageFormatException(packageName, "debian-binary", "member of " + first.size + " bytes, expected a version line");
    }
    byte[] version = Streams.readFully(in, (int) first.size);
    if (!new String(version, StandardCharsets.ISO_8859_1).startsWith("2.")) {
      throw new PackageFormatException(packageName, "debian-binary", "unsupported package format version");
    }
    Streams.skipFully(in, first.size & 1);
    for (Member m = member(packageName, in); m != null; m = member(packageName, in)) {
      if (m.name.startsWith("data.tar")) {
        Codec codec = Codec.bySuffix(m.name, "data.tar");
        if (codec == null) {
          throw new PackageFormatException(packageName, m.name, "unsupported data member compression");
        }
        return new Payload(Payload.Format.TAR, codec, new MemberStream(packageName, m, in));
      }
      Streams.skipFully(in, m.size + (m.size & 1));
    }
    throw new PackageFormatException(packageName, null, "no data.tar member");
  }

  private record Member(String name, long size) {}

  /** The next member header, or null at the end of the archive. */
  private static Member member(String packageName, InputStream in) throws IOException {
    byte[] h = in.readNBytes(HEADER);
    if (h.length == 0) {
      return null;
    }
    if (h.length < HEADER || h[58] != '`' || h[59] != '\n') {
      throw new PackageFormatException(packageName, null, h.length < HEADER
          ? "truncated: the ar archive ends inside a member header" : "corrupt ar member header");
    }
    String name = new String(h, 0, 16, StandardCharsets.ISO_8859_1).stripTrailing();
    if (name.endsWith("/")) {
      name = name.substring(0, name.length() - 1);
    }
    long size = Streams.parseNumber(h, 48, 10, 10);
    if (size < 0) {
      throw new PackageFormatException(packageName, name, "corrupt ar member size");
    }
    return new Member(name, size);
  }

  /** The bytes of one member; ending early is truncation. */
  private static final class MemberStream extends InputStream {
    private final String packageName;
    private final Member member;
    private final InputStream in;
    private long remaining;

    MemberStream(String packageName, Member member, InputStream in) {
      this.packageName = packageName;
      this.member = member;
      this.in = in;
      this.remaining = member.size;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (remaining == 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, remaining));
      if (n < 0) {
        throw new PackageFormatException(packageName, member.name,
            "truncated: the member ends after " + (member.size - remaining) + " of " + member.size + " bytes");
      }
      remaining -= n;
      return n;
    }
  }

  static boolean matches(byte[] head) {
    return head.length >= MAGIC.length && Arrays.equals(head, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
  }
}
