package dev.beamdepmod.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Reads a tar archive (ustar, GNU, PAX) with commons-compress, entry by entry. */
final class TarEntries {
  private TarEntries() {}

  static void read(String packageName, Budget in, EntryGate gate) throws IOException {
    try (StrictTarInputStream tar = new StrictTarInputStream(packageName, in)) {
      while (true) {
        in.startHeader();
        TarArchiveEntry entry = tar.getNextEntry();
        in.endHeader();
        if (entry == null) {
          return;
        }
        String name = byteString(entry.getName());
        if (!entry.isCheckSumOK()) {
          throw new PackageFormatException(packageName, name, "corrupt tar header (checksum mismatch)");
        }
        if (entry.isSparse()) {
          throw new PackageFormatException(packageName, name, "sparse files are not supported");
        }
        gate.entry(name, type(entry), typeName(entry), entry.getSize(), tar);
      }
    }
  }

  /**
   * Names from ustar and GNU headers arrive as ISO-8859-1 byte strings already; names from PAX
   * records are UTF-8 by definition and arrive decoded, which shows when a character is above
   * 0xff: their UTF-8 bytes are the name. (A PAX name whose characters are all below 0x100 but
   * not ASCII cannot be told apart and stays as decoded.)
   */
  private static String byteString(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) > 0xff) {
        return new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
      }
    }
    return name;
  }

  private static EntryGate.Type type(TarArchiveEntry e) {
    if (e.isDirectory()) {
      return EntryGate.Type.DIRECTORY;
    }
    return switch (e.getLinkFlag()) {
      case '0', 0, '7' -> EntryGate.Type.FILE;
      case '1' -> EntryGate.Type.HARDLINK;
      case '2' -> EntryGate.Type.SYMLINK;
      default -> EntryGate.Type.SPECIAL;
    };
  }

  private static String typeName(TarArchiveEntry e) {
    return switch (e.getLinkFlag()) {
      case '3' -> "character device";
      case '4' -> "block device";
      case '6' -> "FIFO";
      default -> "entry of type " + EntryPaths.printable(String.valueOf((char) (e.getLinkFlag() & 0xff)));
    };
  }

  /**
   * commons-compress takes a short header record for the end of the archive; here it is
   * truncation, and so is a missing end-of-archive marker.
   */
  private static final class StrictTarInputStream extends TarArchiveInputStream {
    private final String packageName;

    StrictTarInputStream(String packageName, InputStream in) {
      super(in, StandardCharsets.ISO_8859_1.name());
      this.packageName = packageName;
    }

    @Override
    protected byte[] readRecord() throws IOException {
      byte[] record = super.readRecord();
      if (record == null && !isAtEOF()) {
        throw new PackageFormatException(packageName, null,
            "truncated: the tar archive ends inside a header or without its end-of-archive marker");
      }
      return record;
    }
  }
}
