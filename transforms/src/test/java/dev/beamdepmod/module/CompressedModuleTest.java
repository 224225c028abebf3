package dev.beamdepmod.module;

import static dev.beamdepmod.module.ElfBuilder.SHN_ABS;
import static dev.beamdepmod.module.ElfBuilder.STB_GLOBAL;
import static dev.beamdepmod.module.ModuleRecords.exports;
import static dev.beamdepmod.module.ModuleRecords.failed;
import static dev.beamdepmod.module.ModuleRecords.imports;
import static dev.beamdepmod.module.ModuleRecords.messages;
import static dev.beamdepmod.module.ModuleRecords.modinfo;
import static dev.beamdepmod.module.ModuleRecords.read;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.junit.Assert.assertEquals;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdOutputStream;
import dev.beamdepmod.schema.ModuleRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import org.junit.Test;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZOutputStream;

/** Decompression by magic bytes and the library messages of failed decodes (docs/depmod-rules.md §6.1, §6.9). */
public class CompressedModuleTest {
  private static final byte[] MODULE = new ElfBuilder(true, false)
      .modinfo("license=GPL", "alias=compressed")
      .versions(7L, "printk")
      .undefined("printk", STB_GLOBAL)
      .symbol("__crc_exported", 0x42, SHN_ABS, STB_GLOBAL, 0)
      .build();

  private static void assertSameModule(ModuleRecord r) {
    assertThat(messages(r), empty());
    assertThat(exports(r), contains("exported=42"));
    assertThat(imports(r), contains("printk=7"));
    assertThat(modinfo(r), contains("license=GPL", "alias=compressed"));
  }

  /** The messages of a decode failing the same way in all three reads. */
  private static List<String> failedThrice(String library, String strerror) {
    return List.of("ERROR: " + library, failed(strerror), "ERROR: " + library, "ERROR: " + library);
  }

  /** A decode failing first with library, then (descriptor at end of file) with end of input twice. */
  private static List<String> xzFailedThenAtEnd(String library) {
    String end = "ERROR: xz: Unexpected end of input";
    return List.of("ERROR: xz: " + library, failed("Invalid argument"), end, end);
  }

  static byte[] xz(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XZOutputStream xz = new XZOutputStream(out, new LZMA2Options(), XZ.CHECK_CRC32)) {
      xz.write(content);
    }
    return out.toByteArray();
  }

  static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] flip(byte[] data, int index) {
    byte[] copy = data.clone();
    copy[index] ^= 0x55;
    return copy;
  }

  @Test
  public void xzGzipAndZstdDecodeToTheSameModule() throws IOException {
    assertSameModule(read(MODULE));
    assertSameModule(read(xz(MODULE)));
    assertSameModule(read(gzip(MODULE)));
    assertSameModule(read(Zstd.compress(MODULE)));
  }

  @Test
  public void contentTypeComesFromMagicNotExtension() throws IOException {
    ModuleRecord r = ModuleReader.read("/m/plain.ko", ByteBufferSource.of(xz(MODULE)));
    assertEquals("plain", r.getName());
    assertSameModule(r);
  }

  @Test
  public void xzConcatenatedStreamsWithPadding() throws IOException {
    byte[] stream = xz(MODULE);
    assertSameModule(read(concat(stream, new byte[8], xz(new byte[0]), new byte[4])));
  }

  @Test
  public void xzPaddingNotMultipleOfFourIsCorrupt() throws IOException {
    assertEquals(xzFailedThenAtEnd("File is corrupt"), messages(read(concat(xz(MODULE), new byte[2]))));
    assertEquals(xzFailedThenAtEnd("File is corrupt"),
        messages(read(concat(xz(MODULE), new byte[5], new byte[] {1}, new byte[20]))));
  }

  @Test
  public void xzGarbageAfterAStream() throws IOException {
    byte[] stream = xz(MODULE);
    // Too short for a stream header: end of input; long enough: corrupt (not "format not recognized").
    assertEquals(xzFailedThenAtEnd("Unexpected end of input"), messages(read(concat(stream, new byte[] {'g', 'a', 'r'}))));
    assertEquals(xzFailedThenAtEnd("File is corrupt"), messages(read(concat(stream, "garbage garbage!".getBytes()))));
  }

  @Test
  public void xzTruncatedAtEveryByte() throws IOException {
    byte[] stream = xz(MODULE);
    for (int length = 6; length < stream.length; length++) {
      ModuleRecord r = read(Arrays.copyOf(stream, length));
      assertEquals("length " + length, failedThrice("xz: Unexpected end of input", "Invalid argument"), messages(r));
      assertThat(r.getModinfo(), empty());
    }
  }

  @Test
  public void xzCorruptData() throws IOException {
    byte[] stream = xz(MODULE);
    assertEquals(xzFailedThenAtEnd("File is corrupt"), messages(read(flip(stream, 7)))); // header CRC
    assertEquals(xzFailedThenAtEnd("File is corrupt"), messages(read(flip(stream, stream.length / 2))));
  }

  @Test
  public void xzUnsupportedOptions() throws IOException {
    byte[] stream = xz(MODULE);
    // Reserved stream flag bits, with a matching header CRC.
    byte[] flagged = stream.clone();
    flagged[6] = 0x10;
    putCrc(flagged, 6, 2, 8);
    assertEquals(xzFailedThenAtEnd("Unsupported compression options"), messages(read(flagged)));
  }

  /** Writes the CRC32 of data[from, from + length) little-endian at data[at]. */
  private static void putCrc(byte[] data, int from, int length, int at) {
    CRC32 crc = new CRC32();
    crc.update(data, from, length);
    for (int i = 0; i < 4; i++) {
      data[at + i] = (byte) (crc.getValue() >>> (8 * i));
    }
  }

  /** The stream with another LZMA2 dictionary-size byte (40 means 4 GiB - 1), its block header CRC fixed. */
  private static byte[] withDictionary(byte[] stream, int dictionaryByte) {
    // Block header after the 12-byte stream header: size byte, flags, filter id 0x21, props size 1,
    // dictionary-size byte, padding, CRC32.
    byte[] copy = stream.clone();
    int headerSize = ((copy[12] & 0xFF) + 1) * 4;
    assertEquals(0x21, copy[14]);
    copy[16] = (byte) dictionaryByte;
    putCrc(copy, 12, headerSize - 4, 12 + headerSize - 4);
    return copy;
  }

  /** A dictionary up to the content limit (256 MiB) is decoded; no larger one could be of use. */
  @Test
  public void xzDictionaryBeyondTheMemoryLimit() throws IOException {
    // 33: 384 MiB, the first size above the limit; 36: 1 GiB; 37: 1.5 GiB.
    for (int dictionaryByte : new int[] {33, 36, 37}) {
      assertEquals(xzFailedThenAtEnd("Cannot allocate memory"), messages(read(withDictionary(xz(MODULE), dictionaryByte))));
    }
    // 28: 64 MiB ("xz -9"); 29: 96 MiB (the former limit); 32: 256 MiB.
    for (int dictionaryByte : new int[] {28, 29, 32}) {
      assertSameModule(read(withDictionary(xz(MODULE), dictionaryByte)));
    }
  }

  /** liblzma (so kmod) decodes a dictionary of 2 GiB, 3 GiB or 4 GiB - 1; xz-java refuses it (deviation). */
  @Test
  public void xzDictionaryOfTwoGibOrMoreIsUnsupported() throws IOException {
    for (int dictionaryByte : new int[] {38, 39, 40}) {
      assertEquals(xzFailedThenAtEnd("Unsupported compression options"),
          messages(read(withDictionary(xz(MODULE), dictionaryByte))));
    }
  }

  /** liblzma (so kmod) decodes a stream with a reserved check ID without verifying it; xz-java refuses it (deviation). */
  @Test
  public void xzReservedCheckIdIsUnsupported() throws IOException {
    for (int checkId : new int[] {2, 3, 5, 9, 15}) {
      byte[] stream = xz(MODULE);
      // The check ID is the low nibble of the second stream flags byte, in the header (offset 7) and
      // the footer (10 bytes from the end); each is covered by a CRC32.
      stream[7] = (byte) checkId;
      putCrc(stream, 6, 2, 8);
      int footer = stream.length - 12;
      stream[footer + 9] = (byte) checkId;
      putCrc(stream, footer + 4, 6, footer);
      assertEquals(xzFailedThenAtEnd("Unsupported compression options"), messages(read(stream)));
    }
  }

  @Test
  public void xzRetryStartsWhereKmodsDescriptorStopped() throws IOException {
    // kmod reads 8 KiB at a time from the file and retries from where the failed attempt stopped:
    // a stream at offset 8192 behind a broken one is what the modinfo and import reads decode.
    byte[] broken = flip(xz(MODULE), 7);
    byte[] file = concat(Arrays.copyOf(broken, 8192), xz(MODULE));
    ModuleRecord r = read(file);
    assertEquals(List.of("ERROR: xz: File is corrupt", failed("Invalid argument")), messages(r));
    assertThat(r.getExports(), empty());
    assertThat(modinfo(r), contains("license=GPL", "alias=compressed"));
    assertThat(imports(r), contains("printk=7"));
  }

  @Test
  public void xzRetryFromTheMiddleOfAFileIsAForeignFormat() throws IOException {
    byte[] noise = new byte[20000];
    new java.util.Random(1).nextBytes(noise);
    byte[] file = concat(flip(xz(MODULE), 7), noise);
    String other = "ERROR: xz: File format not recognized";
    assertEquals(List.of("ERROR: xz: File is corrupt", failed("Invalid argument"), other, other), messages(read(file)));
  }

  @Test
  public void xzOfNothingIsNotElf() throws IOException {
    assertEquals(List.of(failed("Exec format error")), messages(read(xz(new byte[0]))));
  }

  @Test
  public void zstdWithoutContentSizeIsRejected() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZstdOutputStream z = new ZstdOutputStream(out)) {
      z.write(MODULE);
    }
    byte[] streamed = out.toByteArray();
    assertEquals(0, ZstdDecoder.contentSize(Bytes.of(ByteBuffer.wrap(streamed), false)));
    assertEquals(failedThrice("zstd: Failed to determine decompression size", "Invalid argument"),
        messages(read(streamed)));
    assertEquals(failedThrice("zstd: Failed to determine decompression size", "Invalid argument"),
        messages(read(Zstd.compress(new byte[0]))));
  }

  @Test
  public void zstdFrameHeaderContentSize() {
    assertEquals(44, ZstdDecoder.contentSize(header(0x20, 44))); // single segment, 1-byte size
    assertEquals(0x1234 + 256, ZstdDecoder.contentSize(header(0x60, 0x34, 0x12)));
    assertEquals(0x1234 + 256, ZstdDecoder.contentSize(header(0x41, 0, 9, 0x34, 0x12))); // window, dictionary id
    assertEquals(0x01020304L, ZstdDecoder.contentSize(header(0x80, 0, 4, 3, 2, 1)));
    assertEquals(1L << 40, ZstdDecoder.contentSize(header(0xE0, 0, 0, 0, 0, 0, 1, 0, 0, 0)));
    assertEquals(0, ZstdDecoder.contentSize(header(0x00, 0x40))); // size not stated
    assertEquals(0, ZstdDecoder.contentSize(header(0x48, 0, 1, 2))); // reserved bit
    assertEquals(0, ZstdDecoder.contentSize(header(0x40, 0xB0, 1, 2))); // window log 32
    assertEquals(0, ZstdDecoder.contentSize(header(0x80, 0, 1))); // incomplete
  }

  /** A zstd frame magic followed by the given bytes (frame header descriptor first). */
  private static Bytes header(int... bytes) {
    byte[] b = new byte[4 + bytes.length];
    b[0] = 0x28;
    b[1] = (byte) 0xB5;
    b[2] = 0x2F;
    b[3] = (byte) 0xFD;
    for (int i = 0; i < bytes.length; i++) {
      b[4 + i] = (byte) bytes[i];
    }
    return Bytes.of(ByteBuffer.wrap(b), false);
  }

  @Test
  public void zstdErrorsCarryTheLibraryErrorName() {
    byte[] frame = Zstd.compress(MODULE);
    assertEquals(failedThrice("zstd: Src size is incorrect", "Invalid argument"),
        messages(read(Arrays.copyOf(frame, frame.length - 3))));
  }

  @Test
  public void zstdClaimingAHugeSizeIsTooLargeWithoutDecoding() {
    byte[] frame = concat(header(0xE0, 0, 0, 0, 0, 0, 1, 0, 0, 0).array(), new byte[64]);
    assertEquals(failedThrice("zstd: Decompressed size exceeds the limit of 256 MiB", "File too large"),
        messages(read(frame)));
  }

  @Test
  public void gzipFailures() throws IOException {
    byte[] gz = gzip(MODULE);
    assertEquals(failedThrice("gzip: unexpected end of file", "Invalid argument"),
        messages(read(Arrays.copyOf(gz, gz.length - 4))));
    assertEquals(failedThrice("gzip: incorrect data check", "Invalid argument"), messages(read(flip(gz, gz.length - 8))));
    assertEquals(failedThrice("gzip: unknown compression method", "Invalid argument"), messages(read(flip(gz, 2))));
  }

  @Test
  public void gzipMembersAreConcatenatedAndTrailingGarbageIgnored() throws IOException {
    assertSameModule(read(concat(gzip(MODULE), gzip(new byte[0]), "trailing".getBytes())));
  }

  @Test
  public void decompressionBombsStopAtTheLimit() throws IOException {
    byte[] zeros = new byte[1 << 20];
    String xzLimit = "xz: Decompressed size exceeds the limit of 256 MiB";
    byte[] oneXz = xz(zeros);
    byte[][] xzParts = new byte[300][];
    Arrays.fill(xzParts, oneXz);
    assertEquals(failedThrice(xzLimit, "File too large"), messages(read(concat(xzParts))));
    byte[] oneGz = gzip(zeros);
    byte[][] gzParts = new byte[300][];
    Arrays.fill(gzParts, oneGz);
    assertEquals(failedThrice("gzip: Decompressed size exceeds the limit of 256 MiB", "File too large"),
        messages(read(concat(gzParts))));
  }
}
