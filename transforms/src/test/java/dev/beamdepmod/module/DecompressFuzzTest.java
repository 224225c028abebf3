package dev.beamdepmod.module;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZOutputStream;

/**
 * Fuzz targets of the three decoders: hostile input ends in content or a {@link DecodeFailure}
 * (never another exception, never more than the content limit), and whatever the reference
 * compressors produce decodes back to exactly what went in.
 */
class DecompressFuzzTest {
  private static final byte[][] MAGIC = {
      {(byte) 0xFD, '7', 'z', 'X', 'Z', 0}, {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD}, {0x1F, (byte) 0x8B}};

  /** Input chosen by its magic bytes, as kmod chooses the decoder; anything else is not for a decoder. */
  @FuzzTest
  void decode(byte[] input) {
    int format = format(input);
    if (format < 0) {
      return;
    }
    try {
      ByteBuffer content = decode(format, input);
      assertTrue(content.remaining() <= Limits.MAX_CONTENT_BYTES);
    } catch (DecodeFailure f) {
      assertNotNull(f.strerror());
      String library = f.libraryMessage();
      assertTrue(library == null || library.startsWith(new String[] {"xz: ", "zstd: ", "gzip: "}[format]), library);
    }
  }

  @FuzzTest
  void roundTrip(FuzzedDataProvider data) throws IOException, DecodeFailure {
    int format = data.consumeInt(0, 2);
    int level = data.consumeInt(0, 6);
    byte[] content = data.consumeRemainingAsBytes();
    if (format == 1 && content.length == 0) {
      return; // a zstd frame of size 0 reads as "size unknown", which kmod refuses
    }
    byte[] compressed = switch (format) {
      case 0 -> xz(content, level);
      case 1 -> Zstd.compress(content, level + 1);
      default -> gzip(content);
    };
    ByteBuffer decoded = decode(format, compressed);
    byte[] out = new byte[decoded.remaining()];
    decoded.get(out);
    assertArrayEquals(content, out);
  }

  private static int format(byte[] input) {
    for (int format = 0; format < MAGIC.length; format++) {
      if (Arrays.equals(input, 0, Math.min(input.length, MAGIC[format].length), MAGIC[format], 0, MAGIC[format].length)) {
        return format;
      }
    }
    return -1;
  }

  private static ByteBuffer decode(int format, byte[] input) throws DecodeFailure {
    ByteBufferSource source = ByteBufferSource.of(input);
    return switch (format) {
      case 0 -> XzDecoder.decode(source, 0);
      case 1 -> ZstdDecoder.decode(source);
      default -> GzipDecoder.decode(source);
    };
  }

  private static byte[] xz(byte[] content, int preset) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XZOutputStream xz = new XZOutputStream(out, new LZMA2Options(preset), XZ.CHECK_CRC32)) {
      xz.write(content);
    }
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    }
    return out.toByteArray();
  }
}
