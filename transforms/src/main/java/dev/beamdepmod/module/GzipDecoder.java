package dev.beamdepmod.module;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * gzip decoding (RFC 1952) as zlib's gzread does it: consecutive members are concatenated, anything
 * after the last member that is not another member is ignored; errors carry zlib's texts. The
 * reference kmod build has no zlib, so these messages follow kmod's zlib code ("gzip: <zlib text>")
 * without the "<fd:N>: " prefix zlib would add; every retry sees the same bytes.
 */
public final class GzipDecoder {
  private static final int FHCRC = 0x02;
  private static final int FEXTRA = 0x04;
  private static final int FNAME = 0x08;
  private static final int FCOMMENT = 0x10;
  private static final int RESERVED_FLAGS = 0xE0;
  /** Deflate's largest expansion: 258 bytes from a 2-bit code at best, about 1032 to 1. */
  private static final int MAX_DEFLATE_RATIO = 1032;

  /** A zlib error text. */
  private static final class GzipException extends IOException {
    GzipException(String zlibMessage) {
      super(zlibMessage, null);
    }
  }

  private GzipDecoder() {}

  /**
   * A gzip file other than a module (beam-depmod check's boot/symvers-*.gz), decoded within the
   * same content budget as a module's.
   *
   * @throws IOException with zlib's text, or the budget's, as its message
   */
  public static byte[] gunzip(byte[] file) throws IOException {
    try {
      ByteBuffer content = decode(ByteBufferSource.of(file));
      byte[] bytes = new byte[content.remaining()];
      content.get(bytes);
      return bytes;
    } catch (DecodeFailure f) {
      throw new IOException(f.getMessage());
    }
  }

  static ByteBuffer decode(ModuleSource source) throws DecodeFailure {
    try {
      long size = source.size();
      if (size > Limits.MAX_CONTENT_BYTES) {
        throw DecodeFailure.tooLarge("gzip", 0);
      }
      Bytes in = Bytes.of(source.read(0, (int) size), false);
      CappedOutput out = new CappedOutput(expectedSize(in));
      int position = 0;
      do {
        position = member(in, header(in, position), out);
      } while (in.length() - position >= 2 && in.u8(position) == 0x1F && in.u8(position + 1) == 0x8B);
      return out.content();
    } catch (CappedOutput.TooLargeException e) {
      throw DecodeFailure.tooLarge("gzip", 0);
    } catch (GzipException e) {
      throw new DecodeFailure("gzip: " + e.getMessage(), Errno.EINVAL.text(), 0);
    } catch (IOException e) {
      throw new DecodeFailure(null, Errno.strerror(e), 0);
    }
  }

  /**
   * The size the last member's trailer states (modulo 4 GiB), which is the content size of a
   * single-member file, but at most what deflate can expand the file to.
   */
  private static long expectedSize(Bytes in) {
    long stated = in.length() >= 18 ? in.u32(in.length() - 4) : 0;
    return Math.min(stated, (long) MAX_DEFLATE_RATIO * in.length());
  }

  /** Checks the member header at position; returns where its deflate data starts. */
  private static int header(Bytes in, int position) throws GzipException {
    require(in, position, 10);
    if (in.u8(position + 2) != 8) {
      throw new GzipException("unknown compression method");
    }
    int flags = in.u8(position + 3);
    if ((flags & RESERVED_FLAGS) != 0) {
      throw new GzipException("unknown header flags set");
    }
    int p = position + 10;
    if ((flags & FEXTRA) != 0) {
      require(in, p, 2);
      p += 2 + in.u16(p);
    }
    if ((flags & FNAME) != 0) {
      p = afterString(in, p);
    }
    if ((flags & FCOMMENT) != 0) {
      p = afterString(in, p);
    }
    if ((flags & FHCRC) != 0) {
      require(in, p, 2);
      CRC32 crc = new CRC32();
      crc.update(in.array(), in.offset() + position, p - position);
      if ((crc.getValue() & 0xFFFF) != in.u16(p)) {
        throw new GzipException("header crc mismatch");
      }
      p += 2;
    }
    require(in, p, 0);
    return p;
  }

  /** Inflates one member's data and checks its trailer; returns the position after the member. */
  private static int member(Bytes in, int position, CappedOutput out) throws IOException {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(in.array(), in.offset() + position, in.length() - position);
      CRC32 crc = new CRC32();
      long produced = 0;
      byte[] probe = new byte[1];
      while (!inflater.finished()) {
        // A full output first takes one byte aside: at the end of the data it stays full, uncopied.
        boolean full = out.full();
        byte[] into = full ? probe : out.array();
        int at = full ? 0 : out.length();
        int n = inflater.inflate(into, at, full ? 1 : into.length - at);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new GzipException("unexpected end of file");
        }
        crc.update(into, at, n);
        if (!full) {
          out.advance(n);
        } else if (n > 0) {
          out.append(probe[0]);
        }
        produced += n;
      }
      int p = position + (int) inflater.getBytesRead();
      require(in, p, 8);
      if (in.u32(p) != crc.getValue()) {
        throw new GzipException("incorrect data check");
      }
      if (in.u32(p + 4) != (produced & 0xFFFFFFFFL)) {
        throw new GzipException("incorrect length check");
      }
      return p + 8;
    } catch (DataFormatException e) {
      throw new GzipException(e.getMessage() != null ? e.getMessage() : "invalid deflate data");
    } finally {
      inflater.end();
    }
  }

  private static int afterString(Bytes in, int p) throws GzipException {
    int length = in.stringLength(Math.min(p, in.length()));
    require(in, p, length + 1);
    return p + length + 1;
  }

  private static void require(Bytes in, int position, int count) throws GzipException {
    if (position < 0 || (long) position + count > in.length()) {
      throw new GzipException("unexpected end of file");
    }
  }
}
