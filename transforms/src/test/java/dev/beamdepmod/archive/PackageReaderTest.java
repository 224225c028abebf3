package dev.beamdepmod.archive;

import static dev.beamdepmod.archive.TestPackages.compress;
import static dev.beamdepmod.archive.TestPackages.latin1;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;

import dev.beamdepmod.archive.TestPackages.Entry;
import dev.beamdepmod.archive.TestPackages.Recorder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.Test;

/** Formats, paths, order and the contract of the visitor, on well-formed packages. */
public class PackageReaderTest {
  private static final Entry[] TREE = {
    Entry.dir("./"),
    Entry.dir("./lib/modules/1.0/"),
    Entry.file("./lib/modules/1.0/kernel/b.ko", "bbb"),
    Entry.file("./lib/modules/1.0/kernel/a.ko.xz", "a"),
    Entry.file("./lib/modules/1.0/modules.order", "kernel/a.ko\nkernel/b.ko\n"),
    Entry.file("./lib/modules/1.0/empty", ""),
  };
  private static final List<String> FILES = List.of(
      "lib/modules/1.0/kernel/b.ko=bbb",
      "lib/modules/1.0/kernel/a.ko.xz=a",
      "lib/modules/1.0/modules.order=kernel/a.ko\nkernel/b.ko\n",
      "lib/modules/1.0/empty=");
  private static final String[] CODECS = {"", "gz", "xz", "zst", "bz2"};

  @Test
  public void tarballsInEveryCompression() throws IOException {
    for (String codec : CODECS) {
      Recorder r = TestPackages.read("t.tar." + codec, compress(codec, TestPackages.tar(TREE)));
      assertEquals(codec, FILES, r.files);
      assertThat(codec, r.skipped, empty());
    }
  }

  @Test
  public void debsWithEveryDataCompression() throws IOException {
    for (String codec : List.of("", "gz", "xz", "zst", "bz2", "lzma")) {
      Recorder r = TestPackages.read("p.deb", TestPackages.deb(codec, TREE));
      assertEquals(codec, FILES, r.files);
    }
  }

  @Test
  public void debMemberNamesMayEndWithSlashAndOddSizesArePadded() throws IOException {
    byte[] deb = TestPackages.ar("debian-binary/", latin1("2.0\n"), "control.tar.gz/", new byte[7],
        "_extra", new byte[3], "data.tar/", TestPackages.tar(TREE));
    assertEquals(FILES, TestPackages.read("p.deb", deb).files);
  }

  @Test
  public void rpmsWithEveryPayloadCompression() throws IOException {
    for (String codec : CODECS) {
      byte[] rpm = TestPackages.rpm(compress(codec, TestPackages.cpio(TREE)));
      assertEquals(codec, FILES, TestPackages.read("p.rpm", rpm).files);
    }
  }

  /** More entries than the former default count of 200,000 (a root file system has as many). */
  @Test
  public void entriesAreNotCountedByDefault() throws IOException {
    Entry[] many = new Entry[200_001];
    for (int i = 0; i < many.length; i++) {
      many[i] = Entry.file("usr/share/f" + i, "");
    }
    Recorder r = TestPackages.read("many.rpm", TestPackages.rpm(TestPackages.cpio(many)));
    assertEquals(many.length, r.files.size());
    assertEquals("usr/share/f200000=", r.files.get(many.length - 1));
  }

  @Test
  public void namesAreNormalised() throws IOException {
    Recorder r = TestPackages.read("n.tar", TestPackages.tar(
        Entry.file("././a//b/./c", "1"),
        Entry.file("d/./e", "2"),
        Entry.file("f", "3")));
    assertEquals(List.of("a/b/c=1", "d/e=2", "f=3"), r.files);
  }

  @Test
  public void namesAreByteStrings() throws IOException {
    Recorder r = TestPackages.read("n.tar", TestPackages.tar(Entry.file("caf\u00e9\u00ff", "x")));
    assertEquals(List.of("caf\u00e9\u00ff=x"), r.files);
  }

  @Test
  public void utf8NamesOfPaxHeadersBecomeTheirBytes() throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, "UTF-8")) {
      tar.setAddPaxHeadersForNonAsciiNames(true);
      TarArchiveEntry e = new TarArchiveEntry("lib/\u20ac.ko");
      e.setSize(1);
      tar.putArchiveEntry(e);
      tar.write('x');
      tar.closeArchiveEntry();
    }
    Recorder r = TestPackages.read("pax.tar", bytes.toByteArray());
    assertEquals(List.of(new String("lib/\u20ac.ko".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1) + "=x"),
        r.files);
  }

  @Test
  public void longNamesOfGnuAndPaxHeaders() throws IOException {
    String longName = "lib/modules/1.0/" + "d/".repeat(150) + "m.ko";
    assertEquals(List.of(longName + "=x"), TestPackages.read("gnu.tar", TestPackages.tar(Entry.file(longName, "x"))).files);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      TarArchiveEntry e = new TarArchiveEntry(longName);
      e.setSize(1);
      tar.putArchiveEntry(e);
      tar.write('x');
      tar.closeArchiveEntry();
    }
    assertEquals(List.of(longName + "=x"), TestPackages.read("pax.tar", bytes.toByteArray()).files);
  }

  @Test
  public void contentIsBoundedAndPartlyReadEntriesAreSkipped() throws IOException {
    byte[] tar = TestPackages.tar(Entry.file("a", "0123456789"), Entry.file("b", "xyz"));
    List<String> seen = new ArrayList<>();
    List<InputStream> streams = new ArrayList<>();
    PackageReader.entries("p.tar", new ByteArrayInputStream(tar), new EntryVisitor() {
      @Override
      public void file(String path, long size, InputStream content) throws IOException {
        streams.add(content);
        byte[] buf = new byte[100];
        int n = content.read(buf, 0, 3);
        seen.add(path + " " + size + " " + new String(buf, 0, n, StandardCharsets.ISO_8859_1));
        content.close();
      }
    });
    assertEquals(List.of("a 10 012", "b 3 xyz"), seen);
    IOException late = assertThrows(IOException.class, () -> streams.get(0).read());
    assertThat(late.getMessage(), containsString("after its visit ended"));

    PackageReader.entries("p.tar", new ByteArrayInputStream(tar), new EntryVisitor() {
      @Override
      public void file(String path, long size, InputStream content) throws IOException {
        assertEquals(size, content.readNBytes(1000).length);
        assertEquals(-1, content.read());
      }
    });
  }

  @Test
  public void exceptionsOfTheVisitorPassUnchanged() {
    byte[] tar;
    try {
      tar = TestPackages.tar(Entry.file("a", "x"), Entry.symlink("l", "a"));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    IOException io = new IOException("visitor's own");
    assertSame(io, assertThrows(IOException.class, () -> PackageReader.entries("p.tar", new ByteArrayInputStream(tar),
        (path, size, content) -> {
          throw io;
        })));
    IllegalStateException unchecked = new IllegalStateException("visitor's own");
    assertSame(unchecked, assertThrows(IllegalStateException.class,
        () -> PackageReader.entries("p.tar", new ByteArrayInputStream(tar), new EntryVisitor() {
          @Override
          public void file(String path, long size, InputStream content) {}

          @Override
          public void skipped(SkippedEntry entry) {
            throw unchecked;
          }
        })));
  }

  @Test
  public void failuresOfTheSourcePassUnchanged() throws IOException {
    byte[] tgz = compress("gz", TestPackages.tar(TREE));
    IOException network = new IOException("connection reset");
    for (int failAt : new int[] {0, 10, tgz.length / 2, tgz.length - 1}) {
      // The first failAt bytes, then the failure.
      InputStream failing = new InputStream() {
        private final InputStream data = new ByteArrayInputStream(tgz, 0, failAt);

        @Override
        public int read() throws IOException {
          int c = data.read();
          if (c < 0) throw network;
          return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          if (len == 0) return 0;
          int n = data.read(b, off, len);
          if (n < 0) throw network;
          return n;
        }
      };
      assertSame(network, assertThrows(IOException.class,
          () -> PackageReader.entries("p.tgz", failing, new Recorder())));
    }
  }
}
