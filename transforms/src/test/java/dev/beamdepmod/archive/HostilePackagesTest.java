package dev.beamdepmod.archive;

import static dev.beamdepmod.archive.TestPackages.compress;
import static dev.beamdepmod.archive.TestPackages.latin1;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import dev.beamdepmod.archive.TestPackages.Entry;
import dev.beamdepmod.archive.TestPackages.Recorder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.junit.Test;

/** Packages built to hurt: every one is read safely, skipped entries are named, failures are typed. */
public class HostilePackagesTest {
  /** Keeps garbage from corrupt data short. */
  private static final ArchiveLimits SMALL = new ArchiveLimits(1 << 20, 4 << 20, 1000);
  private static final Entry[] UNSAFE = {
    Entry.file("ok/first", "1"),
    Entry.file("../escape", "x"),
    Entry.file("lib/modules/1/../../../etc/passwd", "x"),
    Entry.file("/etc/shadow", "x"),
    Entry.file(".//etc/absolute", "x"),
    Entry.symlink("lib/modules/1/kernel/evil.ko", "/etc/passwd"),
    Entry.hardlink("lib/modules/1/kernel/hard.ko", "ok/first"),
    Entry.special("dev/console", '3'),
    Entry.special("dev/sda", '4'),
    Entry.special("run/fifo", '6'),
    Entry.file("./ok/first", "second copy"),
    Entry.file("ok/last", "2"),
  };
  private static final List<String> UNSAFE_SKIPS = List.of(
      "UNSAFE_PATH ../escape",
      "UNSAFE_PATH lib/modules/1/../../../etc/passwd",
      "UNSAFE_PATH /etc/shadow",
      "UNSAFE_PATH .//etc/absolute",
      "LINK lib/modules/1/kernel/evil.ko",
      "LINK lib/modules/1/kernel/hard.ko",
      "SPECIAL_FILE dev/console",
      "SPECIAL_FILE dev/sda",
      "SPECIAL_FILE run/fifo",
      "DUPLICATE ok/first");

  @Test
  public void unsafeEntriesOfATarAreSkippedWithAMessage() throws IOException {
    Recorder r = TestPackages.read("evil.tar", TestPackages.tar(UNSAFE));
    assertEquals(List.of("ok/first=1", "ok/last=2"), r.files);
    assertEquals(UNSAFE_SKIPS, r.skips());
    assertEquals(List.of(
        "evil.tar: ../escape: path traversal ('..')",
        "evil.tar: lib/modules/1/../../../etc/passwd: path traversal ('..')",
        "evil.tar: /etc/shadow: absolute path",
        "evil.tar: .//etc/absolute: absolute path",
        "evil.tar: lib/modules/1/kernel/evil.ko: symbolic link, not followed",
        "evil.tar: lib/modules/1/kernel/hard.ko: hard link, not followed",
        "evil.tar: dev/console: character device, not a regular file",
        "evil.tar: dev/sda: block device, not a regular file",
        "evil.tar: run/fifo: FIFO, not a regular file",
        "evil.tar: ok/first: duplicate entry, the first one is used"),
        r.skipped.stream().map(SkippedEntry::message).toList());
  }

  @Test
  public void unsafeEntriesOfAnRpmAreSkippedWithAMessage() throws IOException {
    Recorder r = TestPackages.read("evil.rpm", TestPackages.rpm(compress("xz", TestPackages.cpio(UNSAFE))));
    assertEquals(List.of("ok/first=1", "ok/last=2"), r.files);
    assertEquals(UNSAFE_SKIPS, r.skips());
  }

  @Test
  public void controlCharactersInNamesAreEscapedInMessages() throws IOException {
    Recorder r = TestPackages.read("n.tar", TestPackages.tar(Entry.symlink("a\nb\u00e9\\", "x")));
    assertEquals("n.tar: a\\x0ab\\xe9\\x5c: symbolic link, not followed", r.skipped.get(0).message());
  }

  @Test
  public void unknownEntryTypesAreSkipped() throws IOException {
    Recorder r = TestPackages.read("t.tar", TestPackages.tar(Entry.special("label", 'V'), Entry.file("f", "1")));
    assertEquals(List.of("f=1"), r.files);
    assertEquals("t.tar: label: entry of type V, not a regular file", r.skipped.get(0).message());
  }

  @Test
  public void hugeDeclaredSizesAreRejectedBeforeReading() throws IOException {
    TarArchiveEntry big = new TarArchiveEntry("lib/modules/1/kernel/big.ko");
    big.setSize(077777777777L);
    byte[] tar = concat(TestPackages.tarHeader(big), new byte[4096]);
    assertFails("big.tar", tar, "big.tar: lib/modules/1/kernel/big.ko: declared size 8589934591 is outside the limit of 0..268435456 bytes per entry");
    assertFails("big.tgz", compress("gz", tar), "declared size 8589934591");

    ArchiveLimits small = new ArchiveLimits(100, 1 << 20, 1000);
    assertFails("small.tar", TestPackages.tar(Entry.file("a", "x".repeat(101))), small,
        "small.tar: a: declared size 101 is outside the limit of 0..100 bytes per entry");
    assertFails("small.rpm", TestPackages.rpm(TestPackages.cpio(Entry.file("a", "x".repeat(101)))), small,
        "small.rpm: a: declared size 101");
  }

  /** A -dbg package's vmlinux is larger than any module: entries nobody reads are streamed past whatever their size. */
  @Test
  public void theEntryLimitHoldsOnlyForWantedEntries() throws IOException {
    ArchiveLimits small = new ArchiveLimits(100, 1 << 20, 1000);
    byte[] pkg = TestPackages.tar(Entry.file("usr/lib/debug/vmlinux", "x".repeat(5000)), Entry.file("lib/modules/1/a.ko", "ko"));
    List<String> delivered = new ArrayList<>();
    PackageReader.entries("dbg.tar", new ByteArrayInputStream(pkg), small, new EntryVisitor() {
      @Override
      public boolean wants(String path) {
        return path.startsWith("lib/modules/");
      }

      @Override
      public void file(String path, long size, InputStream content) throws IOException {
        delivered.add(path + " " + new String(content.readAllBytes(), StandardCharsets.ISO_8859_1));
      }
    });
    assertEquals(List.of("lib/modules/1/a.ko ko"), delivered);
    assertEquals(4L << 30, ArchiveLimits.forPackage(1 << 20).maxTotalSize());
    assertEquals(16L << 30, ArchiveLimits.forPackage(1L << 30).maxTotalSize());
  }

  @Test
  public void thePackageTotalIsLimited() throws IOException {
    ArchiveLimits limits = new ArchiveLimits(10_000, 20_000, 1000);
    Entry[] files = new Entry[8];
    for (int i = 0; i < files.length; i++) {
      files[i] = Entry.file("f" + i, "x".repeat(5000));
    }
    assertFails("total.tar.xz", compress("xz", TestPackages.tar(files)), limits,
        "total.tar.xz: f3: declared size 5000 is more than the package may still unpack (limit 20000 bytes in all)");
    // A decompression bomb: zeros read as a tar are an empty archive with endless padding.
    byte[] bomb = compress("gz", new byte[8 << 20]);
    assertFails("bomb.tgz", bomb, new ArchiveLimits(1000, 1 << 20, 1000),
        "bomb.tgz: the unpacked archive is larger than the limit of 1048576 bytes");
  }

  @Test
  public void theNumberOfEntriesIsLimited() throws IOException {
    assertFails("many.tar", TestPackages.tar(Entry.dir("a/"), Entry.dir("b/"), Entry.file("c", ""), Entry.file("d", "")),
        new ArchiveLimits(100, 1 << 20, 3), "many.tar: more than 3 entries");
  }

  @Test
  public void oversizedHeadersAreRejected() throws IOException {
    TarArchiveEntry longName = new TarArchiveEntry("././@LongLink", (byte) 'L');
    longName.setSize(1 << 20);
    byte[] name = new byte[1 << 20];
    Arrays.fill(name, (byte) 'x');
    assertFails("longname.tar", concat(TestPackages.tarHeader(longName), name),
        "longname.tar: an entry header (with its long names and extended records) is larger than 262144 bytes");
    // Extended headers chained without end: the archive library would recurse once per header.
    ByteArrayOutputStream chain = new ByteArrayOutputStream();
    byte[] record = Arrays.copyOf(latin1("12 foo=bar1\n"), 512);
    for (int i = 0; i < 5000; i++) {
      TarArchiveEntry pax = new TarArchiveEntry("PaxHeader", (byte) 'x');
      pax.setSize(12);
      chain.write(TestPackages.tarHeader(pax));
      chain.write(record);
    }
    assertFails("paxchain.tar.gz", compress("gz", chain.toByteArray()), "larger than 262144 bytes");
  }

  @Test
  public void sparseFilesAreRejected() throws IOException {
    byte[] sparse = TestPackages.tarHeader(new TarArchiveEntry("s", (byte) 'S'));
    assertFails("sparse.tar", concat(sparse, new byte[1024]), "sparse.tar: s: sparse files are not supported");
  }

  @Test
  public void truncatedPackagesFailWherevertheyAreCut() throws IOException {
    Entry[] tree = {Entry.dir("lib/"), Entry.file("lib/modules/1/a.ko", "a".repeat(700)), Entry.symlink("l", "a"),
        Entry.file("lib/modules/1/b.ko", "b".repeat(1500))};
    for (String codec : new String[] {"gz", "xz", "zst", "bz2"}) {
      assertFailsWhenCut("t.tar." + codec, compress(codec, TestPackages.tar(tree)), 0, 7);
      assertFailsWhenCut("t.rpm", TestPackages.rpm(compress(codec, TestPackages.cpio(tree))), 0, 7);
    }
    // A plain tar is complete once its end-of-archive marker is in.
    byte[] tar = TestPackages.tar(tree);
    assertFailsWhenCut("t.tar", tar, TestPackages.tarEnd(tar), 1);
    // A .deb is complete without the padding byte after an odd-sized data member.
    assertFailsWhenCut("t.deb", TestPackages.deb("", tree), 0, 3);
    byte[] debXz = TestPackages.deb("xz", tree);
    int dataXz = compress("xz", tar).length;
    assertFailsWhenCut("t.deb", debXz, debXz.length - dataXz % 2, 3);

    for (Path p : List.of(Path.of("../examples/matrix/linux-modules-6.1.0-fx2-amd64.tar.gz"),
        Path.of("../examples/matrix/linux-modules-6.12.0-fx3-amd64_6.12.0-1_amd64.deb"),
        Path.of("../fixtures/packages/kernel-modules-6.8.0-fx4.x86_64.rpm"))) {
      byte[] bytes = Files.readAllBytes(p);
      assertFailsWhenCut(p.getFileName().toString(), bytes, 0, 53);
    }
  }

  /** Every cut before {@code completeAt} (0: the whole length) fails; cuts from there on read everything. */
  private static void assertFailsWhenCut(String name, byte[] pkg, int completeAt, int stride) throws IOException {
    int end = completeAt == 0 ? pkg.length : completeAt;
    List<String> whole = TestPackages.read(name, pkg).files;
    for (int cut = 0; cut < pkg.length; cut += cut < end - 64 ? stride : 1) {
      byte[] truncated = Arrays.copyOf(pkg, cut);
      if (cut < end) {
        PackageFormatException e = assertThrows(name + " cut at " + cut + " of " + pkg.length,
            PackageFormatException.class, () -> TestPackages.read(name, truncated));
        assertThat(e.getMessage(), startsWith(name + ": "));
      } else {
        assertEquals(name + " cut at " + cut, whole, TestPackages.read(name, truncated).files);
      }
    }
  }

  /** Checksummed compressions: a flipped byte fails or (in fields that do not matter) changes nothing. */
  @Test
  public void corruptCompressedDataIsNeverReadSilently() throws IOException {
    byte[] tar = TestPackages.tar(Entry.file("a", "some module bytes ".repeat(300)), Entry.file("b", "more"));
    ByteArrayOutputStream zst = new ByteArrayOutputStream();
    try (ZstdCompressorOutputStream out = new ZstdCompressorOutputStream(zst, 3, false, true)) {
      out.write(tar);
    }
    for (String name : new String[] {"c.tar.gz", "c.tar.xz", "c.tar.bz2", "c.tar.zst"}) {
      byte[] packed = name.endsWith("zst") ? zst.toByteArray() : compress(name.substring(6), tar);
      List<String> whole = TestPackages.read(name, packed).files;
      int detected = 0;
      for (int at = 10; at < packed.length; at += 3) {
        byte[] corrupt = packed.clone();
        corrupt[at] ^= 0x55;
        try {
          assertEquals(name + " corrupt at " + at, whole, TestPackages.read(name, corrupt, SMALL).files);
        } catch (PackageFormatException e) {
          assertThat(e.getMessage(), startsWith(name + ": "));
          detected++;
        }
      }
      assertThat(name, detected, greaterThan(packed.length / 4));
    }
    byte[] badHeader = tar.clone();
    badHeader[3] ^= 1;
    assertFails("h.tar", badHeader, "h.tar: a: corrupt tar header (checksum mismatch)");
  }

  @Test
  public void xzAskingForTooMuchMemoryIsRejected() throws IOException {
    byte[] xz = compress("xz", TestPackages.tar(Entry.file("a", "x")));
    int headerSize = ((xz[12] & 0xff) + 1) * 4;
    int props = -1;
    for (int i = 12; i < 12 + headerSize - 2; i++) {
      if (xz[i] == 0x21 && xz[i + 1] == 1) {
        props = i + 2;
      }
    }
    xz[props] = 37; // a dictionary of 1.5 GiB
    CRC32 crc = new CRC32();
    crc.update(xz, 12, headerSize - 4);
    ByteBuffer.wrap(xz, 12 + headerSize - 4, 4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue());
    assertFails("mem.tar.xz", xz, "memory");
  }

  @Test
  public void malformedPackagesAreRejected() throws IOException {
    byte[] garbage = new byte[5000];
    new Random(1).nextBytes(garbage);
    garbage[0] = 'g';
    assertFails("empty", new byte[0], "empty: empty file");
    assertFails("garbage", garbage, "garbage: ");
    assertFails("x.deb", TestPackages.ar("control.tar.gz", new byte[2]), "not a Debian binary package");
    assertFails("x.deb", TestPackages.ar("debian-binary", latin1("3.0\n")), "x.deb: debian-binary: unsupported package format version");
    assertFails("x.deb", TestPackages.ar("debian-binary", latin1("2.0\n"), "control.tar.gz", new byte[2]), "x.deb: no data.tar member");
    assertFails("x.deb", TestPackages.ar("debian-binary", latin1("2.0\n"), "data.tar.lz4", new byte[2]),
        "x.deb: data.tar.lz4: unsupported data member compression");
    byte[] badSize = TestPackages.ar("debian-binary", latin1("2.0\n"));
    badSize[8 + 48] = 'z';
    assertFails("x.deb", badSize, "x.deb: debian-binary: corrupt ar member size");

    byte[] cpio = TestPackages.cpio(Entry.file("a", "1"));
    assertFails("x.rpm", rpmWith(cpio, 96, (byte) 0), "x.rpm: corrupt RPM signature header (bad magic)");
    byte[] absurd = TestPackages.rpm(cpio);
    ByteBuffer.wrap(absurd, 96 + 8, 4).putInt(0x7fffffff);
    assertFails("x.rpm", absurd, "x.rpm: corrupt RPM signature header (2147483647 index entries");
    // The payload starts after the lead, the signature (16 + 16 + 5 + 3) and the header (16 + 32 + 5).
    int payload = 96 + 40 + 53;
    assertFails("x.rpm", rpmWith(cpio, 96 + 40, (byte) 0), "x.rpm: corrupt RPM header (bad magic)");
    assertFails("x.rpm", rpmWith(cpio, payload, (byte) 'Z'), "x.rpm: not a cpio archive in newc format (magic Z70701)");
    assertFails("x.rpm", rpmWith(cpio, payload + 5, (byte) 'X'), "x.rpm: unsupported cpio format (RPM's stripped cpio");
    assertFails("x.rpm", rpmWith(cpio, payload + 6 + 8 + 3, (byte) 'g'), "x.rpm: corrupt cpio header (field 1 is not hexadecimal)");
    byte[] hugeName = TestPackages.rpm(cpio);
    System.arraycopy(latin1("FFFFFFFF"), 0, hugeName, payload + 6 + 8 * 11, 8);
    assertFails("x.rpm", hugeName, "x.rpm: corrupt cpio header (name size 4294967295)");
  }

  private static byte[] rpmWith(byte[] payload, int at, byte value) throws IOException {
    byte[] rpm = TestPackages.rpm(payload);
    rpm[at] = value;
    return rpm;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static void assertFails(String name, byte[] pkg, String message) {
    assertFails(name, pkg, ArchiveLimits.DEFAULT, message);
  }

  private static void assertFails(String name, byte[] pkg, ArchiveLimits limits, String message) {
    PackageFormatException e = assertThrows(PackageFormatException.class, () -> TestPackages.read(name, pkg, limits));
    assertThat(e.getMessage(), containsString(message));
    assertEquals(name, e.packageName());
  }
}
