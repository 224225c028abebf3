package dev.beamdepmod.archive;

import dev.beamdepmod.module.NativeXz;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.lzma.LZMACompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/** The compressions an archive stream may come in. */
enum Codec {
  NONE(""),
  GZIP(".gz", 0x1f, 0x8b),
  XZ(".xz", 0xfd, '7', 'z', 'X', 'Z', 0),
  ZSTD(".zst", 0x28, 0xb5, 0x2f, 0xfd),
  BZIP2(".bz2", 'B', 'Z', 'h'),
  /** Raw LZMA has no magic: only known by a file name (data.tar.lzma in old .debs). */
  LZMA(".lzma");

  /**
   * Most memory an xz or lzma decoder may take. xz -9 needs 65 MiB; a hostile header could ask
   * for gigabytes. (zstd-jni refuses windows over 128 MiB by default.)
   */
  private static final int DECODER_MEMORY_KIB = 256 << 10;

  private final String suffix;
  private final byte[] magic;

  Codec(String suffix, int... magic) {
    this.suffix = suffix;
    this.magic = new byte[magic.length];
    for (int i = 0; i < magic.length; i++) {
      this.magic[i] = (byte) magic[i];
    }
  }

  /** The codec named by the end of a file name (after {@code base}), or null if unknown. */
  static Codec bySuffix(String name, String base) {
    if (!name.startsWith(base)) {
      return null;
    }
    String rest = name.substring(base.length());
    for (Codec c : values()) {
      if (c.suffix.equals(rest)) {
        return c;
      }
    }
    return null;
  }

  /** The codec whose magic the stream starts with, NONE if none does; the stream is not advanced. */
  static Codec sniff(BufferedInputStream in) throws IOException {
    byte[] head = peek(in, 6);
    for (Codec c : values()) {
      if (c.magic.length > 0 && head.length >= c.magic.length
          && Arrays.equals(head, 0, c.magic.length, c.magic, 0, c.magic.length)) {
        return c;
      }
    }
    return NONE;
  }

  /** Up to {@code n} first bytes of the stream, which is left where it was. */
  static byte[] peek(BufferedInputStream in, int n) throws IOException {
    in.mark(n);
    byte[] head = in.readNBytes(n);
    in.reset();
    return head;
  }

  /** The decompressed stream; concatenated streams are read as one, as the command-line tools do. */
  InputStream open(InputStream in) throws IOException {
    return switch (this) {
      case NONE -> in;
      case GZIP -> new GzipCompressorInputStream(in, true);
      case XZ -> {
        InputStream fast = NativeXz.stream(in, (long) DECODER_MEMORY_KIB << 10);
        yield fast != null ? fast : new XZCompressorInputStream(in, true, DECODER_MEMORY_KIB);
      }
      case ZSTD -> new ZstdCompressorInputStream(in);
      case BZIP2 -> new BZip2CompressorInputStream(in, true);
      case LZMA -> new LZMACompressorInputStream(in, DECODER_MEMORY_KIB);
    };
  }
}
