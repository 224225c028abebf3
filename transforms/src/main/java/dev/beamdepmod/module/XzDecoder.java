package dev.beamdepmod.module;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.CorruptedInputException;
import org.tukaani.xz.MemoryLimitException;
import org.tukaani.xz.SingleXZInputStream;
import org.tukaani.xz.UnsupportedOptionsException;
import org.tukaani.xz.XZFormatException;

/**
 * xz decoding as kmod does it with liblzma (concatenated streams, zero Stream Padding in multiples
 * of four bytes between and after them), with liblzma's error texts.
 *
 * <p>kmod decodes straight from the file descriptor in 8 KiB reads and, after a failure, retries
 * from wherever that descriptor stopped; the retry start is derived from how far the decoder read.
 */
final class XzDecoder {
  /** glibc's BUFSIZ, kmod's read size. */
  private static final int KMOD_READ_SIZE = 8192;

  private XzDecoder() {}

  /** Decodes the source from start to its end. */
  static ByteBuffer decode(ModuleSource source, long start) throws DecodeFailure {
    byte[] whole = whole(source, start);
    long expectedSize = whole == null ? -1 : XzIndex.uncompressedSize(whole);
    byte[] fast = expectedSize < 0 || expectedSize > Limits.MAX_CONTENT_BYTES ? null
        : NativeXz.decode(whole, Limits.MAX_CONTENT_BYTES, (long) Limits.MAX_XZ_MEMORY_KIB << 10);
    return fast != null ? ByteBuffer.wrap(fast) : stream(source, start, expectedSize);
  }

  /**
   * xz-java's decoding from the source, into an array of the size the index states (when it is one
   * plain stream; otherwise one that grows).
   */
  private static ByteBuffer stream(ModuleSource source, long start, long expectedSize) throws DecodeFailure {
    SourceInputStream in;
    try {
      in = new SourceInputStream(source, start);
    } catch (SourceInputStream.SourceException e) {
      throw new DecodeFailure(null, Errno.strerror((IOException) e.getCause()), start);
    }
    boolean first = true;
    try {
      CappedOutput out = new CappedOutput(expectedSize >= 0 ? expectedSize : 4 * (in.size() - start));
      while (first || startsAnotherStream(in)) {
        SingleXZInputStream stream = new SingleXZInputStream(
            in, Limits.MAX_XZ_MEMORY_KIB, true, BasicArrayCache.getInstance());
        out.readAll(stream);
        stream.close();
        first = false;
      }
      return out.content();
    } catch (CappedOutput.TooLargeException e) {
      throw DecodeFailure.tooLarge("xz", start);
    } catch (SourceInputStream.SourceException e) {
      throw new DecodeFailure(null, Errno.strerror((IOException) e.getCause()), start);
    } catch (IOException | RuntimeException e) {
      // xz-java signals bad data with IOExceptions; anything else it throws on hostile input is,
      // like liblzma's unexpected return codes, an internal error.
      throw new DecodeFailure("xz: " + describe(e, first), Errno.EINVAL.text(), nextStart(in, start));
    }
  }

  /**
   * The file from start to its end as an array, for its index and for liblzma; null when it is larger
   * than the content budget (xz-java then streams it) or cannot be read (the path below reports why).
   */
  private static byte[] whole(ModuleSource source, long start) {
    try {
      long size = source.size() - start;
      if (size > Limits.MAX_CONTENT_BYTES) {
        return null;
      }
      ByteBuffer compressed = source.read(start, (int) size);
      if (compressed.hasArray() && compressed.arrayOffset() == 0 && compressed.position() == 0
          && compressed.remaining() == compressed.array().length) {
        return compressed.array();
      }
      byte[] in = new byte[compressed.remaining()];
      compressed.get(in);
      return in;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Skips Stream Padding after a stream; true when another stream header follows, false at a clean
   * end of input.
   */
  private static boolean startsAnotherStream(SourceInputStream in) throws IOException {
    int padding = 0;
    int b;
    while ((b = in.read()) == 0) {
      padding++;
    }
    if (padding % 4 != 0) {
      throw new CorruptedInputException("Stream Padding is not a multiple of four bytes");
    }
    if (b < 0) {
      return false;
    }
    in.unread();
    return true;
  }

  /** liblzma's message for the failure, as kmod prints it. */
  private static String describe(Exception e, boolean firstStream) {
    if (e instanceof EOFException) {
      return "Unexpected end of input";
    }
    if (e instanceof XZFormatException) {
      // A later stream that does not start with the magic is corrupt data, not a foreign format.
      return firstStream ? "File format not recognized" : "File is corrupt";
    }
    if (e instanceof CorruptedInputException) {
      return "File is corrupt";
    }
    if (e instanceof UnsupportedOptionsException) {
      return "Unsupported compression options";
    }
    if (e instanceof MemoryLimitException) {
      return Errno.ENOMEM.text();
    }
    return "Internal error (bug)";
  }

  /** Where kmod's descriptor stands after the failed attempt: past every 8 KiB read the decoder needed. */
  private static long nextStart(SourceInputStream in, long start) {
    long consumed = in.position() - start;
    long reads = Math.max(1, (consumed + KMOD_READ_SIZE - 1) / KMOD_READ_SIZE);
    return start + Math.min(in.size() - start, reads * KMOD_READ_SIZE);
  }
}
