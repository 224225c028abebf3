package dev.beamdepmod.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a cpio archive in the SVR4 "newc" format (magic 070701, or 070702 with checksums), the
 * format of RPM payloads: a 110-byte header of ASCII hex fields, the NUL-terminated name, the
 * data, each padded to a multiple of 4 bytes, up to the entry named "TRAILER!!!". Written here
 * rather than taken from commons-compress so that every length is bounded before it is used.
 */
final class CpioEntries {
  private static final int HEADER = 110;
  private static final String TRAILER = "TRAILER!!!";
  private static final int S_IFMT = 0170000;

  private CpioEntries() {}

  static void read(String packageName, Budget in, EntryGate gate) throws IOException {
    while (true) {
      in.startHeader();
      byte[] h = Streams.readFully(in, HEADER);
      String magic = new String(h, 0, 6, StandardCharsets.ISO_8859_1);
      if (!magic.equals("070701") && !magic.equals("070702")) {
        throw new PackageFormatException(packageName, null, magic.equals("07070X")
            ? "unsupported cpio format (RPM's stripped cpio for files of 4 GiB and more)"
            : "not a cpio archive in newc format (magic " + EntryPaths.printable(magic) + ")");
      }
      long mode = field(packageName, h, 1);
      long links = field(packageName, h, 4);
      long size = field(packageName, h, 6);
      long nameSize = field(packageName, h, 11);
      if (nameSize < 1 || nameSize > Budget.HEADER_BYTES) {
        throw new PackageFormatException(packageName, null, "corrupt cpio header (name size " + nameSize + ")");
      }
      byte[] nameBytes = Streams.readFully(in, (int) nameSize);
      if (nameBytes[nameBytes.length - 1] != 0) {
        throw new PackageFormatException(packageName, null, "corrupt cpio header (name not NUL-terminated)");
      }
      String name = new String(nameBytes, 0, nameBytes.length - 1, StandardCharsets.ISO_8859_1);
      Streams.skipFully(in, pad(HEADER + nameSize));
      in.endHeader();
      if (name.equals(TRAILER)) {
        return;
      }
      EntryGate.Type type = type(mode, links);
      gate.entry(name, type, typeName(mode), size, in);
      if (type == EntryGate.Type.DIRECTORY) {
        Streams.skipFully(in, size);
      }
      Streams.skipFully(in, pad(size));
    }
  }

  private static long field(String packageName, byte[] h, int index) throws PackageFormatException {
    long value = Streams.parseNumber(h, 6 + 8 * index, 8, 16);
    if (value < 0) {
      throw new PackageFormatException(packageName, null, "corrupt cpio header (field " + index + " is not hexadecimal)");
    }
    return value;
  }

  private static long pad(long n) {
    return (4 - n % 4) % 4;
  }

  /** A regular file with more than one link is a hard link: cpio stores its data with one of them only. */
  private static EntryGate.Type type(long mode, long links) {
    return switch ((int) mode & S_IFMT) {
      case 0100000 -> links > 1 ? EntryGate.Type.HARDLINK : EntryGate.Type.FILE;
      case 0040000 -> EntryGate.Type.DIRECTORY;
      case 0120000 -> EntryGate.Type.SYMLINK;
      default -> EntryGate.Type.SPECIAL;
    };
  }

  private static String typeName(long mode) {
    return switch ((int) mode & S_IFMT) {
      case 0020000 -> "character device";
      case 0060000 -> "block device";
      case 0010000 -> "FIFO";
      case 0140000 -> "socket";
      default -> "entry of unknown type (mode " + Long.toOctalString(mode) + ")";
    };
  }
}
