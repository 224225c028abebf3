package dev.beamdepmod.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveOutputStream;
import org.apache.commons.compress.archivers.cpio.CpioConstants;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.lzma.LZMACompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;

/** Builds packages in memory for the tests, with commons-compress writers. */
final class TestPackages {
  private TestPackages() {}

  /** One archive entry; {@code type} is a tar type flag ('0' file, '1' hard link, '2' symlink, '3', '4', '5', '6'). */
  record Entry(String name, char type, byte[] data, String link) {
    static Entry file(String name, String content) {
      return new Entry(name, '0', latin1(content), null);
    }

    static Entry dir(String name) {
      return new Entry(name, '5', new byte[0], null);
    }

    static Entry symlink(String name, String target) {
      return new Entry(name, '2', new byte[0], target);
    }

    static Entry hardlink(String name, String target) {
      return new Entry(name, '1', new byte[0], target);
    }

    static Entry special(String name, char type) {
      return new Entry(name, type, new byte[0], null);
    }
  }

  static byte[] latin1(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] tar(Entry... entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, StandardCharsets.ISO_8859_1.name())) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
      for (Entry e : entries) {
        TarArchiveEntry t = new TarArchiveEntry(e.name(), (byte) e.type(), true);
        t.setModTime(1_700_000_000_000L);
        if (e.link() != null) {
          t.setLinkName(e.link());
        }
        if (e.type() == '0') {
          t.setSize(e.data().length);
        }
        tar.putArchiveEntry(t);
        tar.write(e.data());
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** Offset just after the end-of-archive marker of a tar whose entries do not end in zero bytes. */
  static int tarEnd(byte[] tar) {
    int last = tar.length - 1;
    while (tar[last] == 0) {
      last--;
    }
    return (last / 512 + 2) * 512;
  }

  /** A tar header record alone, as commons-compress writes it for {@code entry}. */
  static byte[] tarHeader(TarArchiveEntry entry) {
    byte[] header = new byte[512];
    entry.writeEntryHeader(header);
    return header;
  }

  /** {@code data} compressed with the codec named like a file suffix ("", "gz", "xz", "zst", "bz2", "lzma"). */
  static byte[] compress(String codec, byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = switch (codec) {
      case "" -> bytes;
      case "gz" -> new GzipCompressorOutputStream(bytes);
      case "xz" -> new XZCompressorOutputStream(bytes);
      case "zst" -> new ZstdCompressorOutputStream(bytes);
      case "bz2" -> new BZip2CompressorOutputStream(bytes);
      case "lzma" -> new LZMACompressorOutputStream(bytes);
      default -> throw new IllegalArgumentException(codec);
    }) {
      out.write(data);
    }
    return bytes.toByteArray();
  }

  /** An ar archive of the named members. */
  static byte[] ar(Object... nameThenBytes) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ArArchiveOutputStream ar = new ArArchiveOutputStream(bytes)) {
      for (int i = 0; i < nameThenBytes.length; i += 2) {
        byte[] data = (byte[]) nameThenBytes[i + 1];
        ar.putArchiveEntry(new ArArchiveEntry((String) nameThenBytes[i], data.length));
        ar.write(data);
        ar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** A .deb whose data member is {@code "data.tar" + suffix} holding {@code entries}. */
  static byte[] deb(String codec, Entry... entries) throws IOException {
    byte[] control = compress("gz", tar(Entry.file("./control", "Package: x\n")));
    return ar("debian-binary", latin1("2.0\n"), "control.tar.gz", control,
        "data.tar" + (codec.isEmpty() ? "" : "." + codec), compress(codec, tar(entries)));
  }

  /** A newc cpio archive; entries with type '0' and a link name are written as hard links (nlink 2). */
  static byte[] cpio(Entry... entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (CpioArchiveOutputStream cpio = new CpioArchiveOutputStream(bytes, CpioConstants.FORMAT_NEW,
        512, StandardCharsets.ISO_8859_1.name())) {
      long inode = 1;
      for (Entry e : entries) {
        CpioArchiveEntry c = new CpioArchiveEntry(CpioConstants.FORMAT_NEW, e.name());
        byte[] data = e.type() == '2' ? latin1(e.link()) : e.data();
        c.setMode(cpioMode(e.type()) | 0644);
        c.setSize(data.length);
        c.setInode(inode++);
        c.setNumberOfLinks(e.type() == '1' ? 2 : 1);
        cpio.putArchiveEntry(c);
        cpio.write(data);
        cpio.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static long cpioMode(char type) {
    return switch (type) {
      case '0', '1' -> CpioConstants.C_ISREG;
      case '2' -> CpioConstants.C_ISLNK;
      case '3' -> CpioConstants.C_ISCHR;
      case '4' -> CpioConstants.C_ISBLK;
      case '5' -> CpioConstants.C_ISDIR;
      case '6' -> CpioConstants.C_ISFIFO;
      default -> throw new IllegalArgumentException(String.valueOf(type));
    };
  }

  /**
   * A minimal RPM: the lead, a signature header with one index entry and 5 bytes of data (so it
   * needs 3 bytes of padding), a header with two entries, then the payload as given.
   */
  static byte[] rpm(byte[] payload) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] lead = new byte[96];
    lead[0] = (byte) 0xed;
    lead[1] = (byte) 0xab;
    lead[2] = (byte) 0xee;
    lead[3] = (byte) 0xdb;
    lead[4] = 3;
    lead[79] = 5;
    out.write(lead);
    out.write(rpmHeader(new int[][] {{1000, 7, 0, 5}}, new byte[] {1, 2, 3, 4, 5}));
    out.write(new byte[3]);
    out.write(rpmHeader(new int[][] {{1000, 6, 0, 1}, {1125, 6, 2, 1}}, latin1("x\0xz\0")));
    out.write(payload);
    return out.toByteArray();
  }

  static byte[] rpmHeader(int[][] index, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(16 + 16 * index.length + data.length);
    b.put(new byte[] {(byte) 0x8e, (byte) 0xad, (byte) 0xe8, 1, 0, 0, 0, 0});
    b.putInt(index.length).putInt(data.length);
    for (int[] entry : index) {
      for (int v : entry) {
        b.putInt(v);
      }
    }
    b.put(data);
    return b.array();
  }

  /** What a visitor saw: "path=content" for files (content as ISO-8859-1), "kind path" for skips. */
  static final class Recorder implements EntryVisitor {
    final List<String> files = new ArrayList<>();
    final List<SkippedEntry> skipped = new ArrayList<>();

    @Override
    public void file(String path, long size, java.io.InputStream content) throws IOException {
      byte[] data = content.readAllBytes();
      if (data.length != size) {
        throw new AssertionError(path + ": " + data.length + " bytes, declared " + size);
      }
      files.add(path + "=" + new String(data, StandardCharsets.ISO_8859_1));
    }

    @Override
    public void skipped(SkippedEntry entry) {
      skipped.add(entry);
    }

    List<String> skips() {
      List<String> out = new ArrayList<>();
      for (SkippedEntry s : skipped) {
        out.add(s.kind() + " " + s.path());
      }
      return out;
    }
  }

  static Recorder read(String name, byte[] pkg) throws IOException {
    return read(name, pkg, ArchiveLimits.DEFAULT);
  }

  static Recorder read(String name, byte[] pkg, ArchiveLimits limits) throws IOException {
    Recorder r = new Recorder();
    PackageReader.entries(name, new java.io.ByteArrayInputStream(pkg), limits, r);
    return r;
  }
}
