package dev.beamdepmod.module;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.io.InputStream;

/**
 * xz decoding by the host's liblzma (the library kmod itself uses), which decodes about twice as
 * fast as xz-java; decompression is most of the work on a .ko.xz kernel or a .deb. Used only
 * where liblzma loads on a 64-bit host; everything else, and every failure, goes to xz-java, whose
 * path reproduces kmod's error messages.
 */
public final class NativeXz {
  private static final int LZMA_OK = 0;
  private static final int LZMA_STREAM_END = 1;
  private static final int LZMA_MEM_ERROR = 5;
  private static final int LZMA_MEMLIMIT_ERROR = 6;
  private static final int LZMA_FORMAT_ERROR = 7;
  private static final int LZMA_OPTIONS_ERROR = 8;
  private static final int LZMA_DATA_ERROR = 9;
  private static final int LZMA_BUF_ERROR = 10;
  private static final int LZMA_RUN = 0;
  private static final int LZMA_FINISH = 3;
  /** Decode streams one after another until the input ends, as kmod and xz(1) do. */
  private static final int LZMA_CONCATENATED = 0x08;

  /** sizeof(lzma_stream) on LP64 is 136 bytes; the rest is slack. */
  private static final int LZMA_STREAM_SIZE = 256;
  private static final int NEXT_IN = 0;
  private static final int AVAIL_IN = 8;
  private static final int NEXT_OUT = 24;
  private static final int AVAIL_OUT = 32;

  /** The library given by {@link #use}; null: the host's. */
  private static String chosen;
  /** Whether liblzma is bound; null until the first decode (or {@link #use}) decides. */
  private static volatile Boolean available;

  private NativeXz() {}

  /**
   * Binds the liblzma at {@code path} (the --liblzma option) instead of the host's, before this JVM
   * decodes anything; the same path again does nothing.
   *
   * @throws IllegalArgumentException naming the path and why it does not load: a library asked for
   *     is never replaced by another one silently
   */
  public static synchronized void use(String path) {
    if (path == null || path.equals(chosen)) return;
    if (Boolean.TRUE.equals(available)) Native.unregister(NativeXz.class);
    if (Native.POINTER_SIZE != 8 || Native.SIZE_T_SIZE != 8) {
      throw new IllegalArgumentException("--liblzma=" + path + ": native xz decoding needs a 64-bit JVM");
    }
    try {
      Native.register(NativeXz.class, NativeLibrary.getInstance(path));
    } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
      available = false;
      chosen = null;
      throw new IllegalArgumentException("--liblzma=" + path + ": cannot load it as liblzma: " + e.getMessage(), e);
    }
    chosen = path;
    available = true;
  }

  private static boolean available() {
    Boolean known = available;
    return known != null ? known : loadHost();
  }

  /** The host's liblzma under its usual names, or none (then xz-java decodes everything). */
  private static synchronized boolean loadHost() {
    if (available != null) return available;
    available = false;
    if (Native.POINTER_SIZE != 8 || Native.SIZE_T_SIZE != 8) return false;
    for (String name : new String[] {"lzma", "liblzma.so.5"}) {
      try {
        Native.register(NativeXz.class, NativeLibrary.getInstance(name));
        available = true;
        return true;
      } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
        // not this name; try the next, then stay with xz-java
      }
    }
    return false;
  }

  private static native int lzma_stream_buffer_decode(
      long[] memlimit, int flags, Pointer allocator, byte[] in, long[] inPos, long inSize,
      byte[] out, long[] outPos, long outSize);

  private static native int lzma_stream_decoder(Pointer strm, long memlimit, int flags);

  private static native int lzma_code(Pointer strm, int action);

  private static native void lzma_end(Pointer strm);

  /**
   * Decodes a whole .xz file of one stream whose index promises at most {@code maxSize} bytes;
   * null when liblzma is not there or did not decode it (the caller then takes the slow path,
   * which also words any error as kmod does).
   */
  static byte[] decode(byte[] in, int maxSize, long memlimit) {
    if (!available() || !knownCheck(in)) return null;
    long size = XzIndex.uncompressedSize(in);
    if (size < 0 || size > maxSize) return null;
    byte[] out = new byte[(int) size];
    long[] inPos = {0};
    long[] outPos = {0};
    int ret = lzma_stream_buffer_decode(
        new long[] {memlimit}, LZMA_CONCATENATED, null, in, inPos, in.length, out, outPos, out.length);
    return ret == LZMA_OK && outPos[0] == size ? out : null;
  }

  /**
   * Whether the stream header names a check both decoders know (none, CRC32, CRC64, SHA-256):
   * liblzma skips an unknown check where xz-java refuses the file, and the result must not depend
   * on which of them the host has.
   */
  private static boolean knownCheck(byte[] in) {
    if (in.length < 8) return false;
    int check = in[7] & 0x0f;
    return check == 0 || check == 1 || check == 4 || check == 10;
  }

  /**
   * The decoded content of an xz stream (concatenated streams read as one), or null when liblzma is
   * not there.
   */
  public static InputStream stream(InputStream in, long memlimit) throws IOException {
    return available() ? new DecodingStream(in, memlimit) : null;
  }

  private static final class DecodingStream extends InputStream {
    private static final int IN_SIZE = 64 << 10;
    private static final int OUT_SIZE = 256 << 10;

    private final InputStream in;
    private final Memory strm = new Memory(LZMA_STREAM_SIZE);
    private final Memory inBuf = new Memory(IN_SIZE);
    private final Memory outBuf = new Memory(OUT_SIZE);
    private final byte[] chunk = new byte[IN_SIZE];
    private final long memlimit;
    private long outStart;
    private long outEnd;
    private boolean inputEnded;
    private boolean streamEnded;
    private boolean closed;

    DecodingStream(InputStream in, long memlimit) throws IOException {
      this.in = in;
      this.memlimit = memlimit;
      strm.clear();
      check(lzma_stream_decoder(strm, memlimit, LZMA_CONCATENATED));
      strm.setLong(AVAIL_IN, 0);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (closed) throw new IOException("xz: stream closed");
      if (len == 0) return 0;
      while (outStart == outEnd) {
        if (streamEnded) return -1;
        decodeMore();
      }
      int n = (int) Math.min(len, outEnd - outStart);
      outBuf.read(outStart, b, off, n);
      outStart += n;
      return n;
    }

    private void decodeMore() throws IOException {
      if (strm.getLong(AVAIL_IN) == 0 && !inputEnded) {
        int n = in.read(chunk);
        if (n < 0) {
          inputEnded = true;
        } else {
          inBuf.write(0, chunk, 0, n);
          strm.setPointer(NEXT_IN, inBuf);
          strm.setLong(AVAIL_IN, n);
        }
      }
      strm.setPointer(NEXT_OUT, outBuf);
      strm.setLong(AVAIL_OUT, OUT_SIZE);
      int ret = lzma_code(strm, inputEnded ? LZMA_FINISH : LZMA_RUN);
      outStart = 0;
      outEnd = OUT_SIZE - strm.getLong(AVAIL_OUT);
      if (ret == LZMA_STREAM_END) {
        streamEnded = true;
      } else {
        check(ret);
      }
    }

    private void check(int ret) throws IOException {
      if (ret == LZMA_OK) return;
      throw new IOException("xz: " + switch (ret) {
        case LZMA_MEM_ERROR -> "Cannot allocate memory";
        case LZMA_MEMLIMIT_ERROR -> "the data needs more memory than the limit of " + (memlimit >> 10) + " KiB";
        case LZMA_FORMAT_ERROR -> "File format not recognized";
        case LZMA_OPTIONS_ERROR -> "Unsupported compression options";
        case LZMA_DATA_ERROR -> "Compressed data is corrupt";
        case LZMA_BUF_ERROR -> "Unexpected end of input";
        default -> "liblzma error " + ret;
      });
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        lzma_end(strm);
      }
      in.close();
    }
  }
}
