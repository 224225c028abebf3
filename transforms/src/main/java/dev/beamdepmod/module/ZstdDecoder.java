package dev.beamdepmod.module;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * zstd decoding as kmod does it: the first frame's header must state the content size (kmod
 * allocates exactly that much), then the whole file is decoded in one call; errors carry libzstd's
 * error names. kmod maps the file, so every retry sees the same bytes.
 */
final class ZstdDecoder {
  private static final String SIZE_UNKNOWN = "zstd: Failed to determine decompression size";
  /** libzstd's ZSTD_WINDOWLOG_MAX on 64-bit hosts. */
  private static final int MAX_WINDOW_LOG = 31;
  private static final int[] DICT_ID_BYTES = {0, 1, 2, 4};
  private static final int[] CONTENT_SIZE_BYTES = {0, 2, 4, 8};

  private ZstdDecoder() {}

  static ByteBuffer decode(ModuleSource source) throws DecodeFailure {
    try {
      Bytes input = DecodeFailure.wholeInput(source, "zstd");
      long contentSize = contentSize(input);
      if (contentSize == 0) {
        throw new DecodeFailure(SIZE_UNKNOWN, Errno.EINVAL.text(), 0);
      }
      if (Long.compareUnsigned(contentSize, Limits.MAX_CONTENT_BYTES) > 0) {
        throw DecodeFailure.tooLarge("zstd", 0);
      }
      byte[] output = new byte[(int) contentSize];
      long result = Zstd.decompressByteArray(
          output, 0, output.length, input.array(), input.offset(), input.length());
      return ByteBuffer.wrap(output, 0, (int) result);
    } catch (ZstdException e) {
      // The message is ZSTD_getErrorName of the failing call.
      throw new DecodeFailure("zstd: " + e.getMessage(), Errno.EINVAL.text(), 0);
    } catch (IOException e) {
      throw new DecodeFailure(null, Errno.strerror(e), 0);
    }
  }

  /**
   * The content size the first frame header states, as ZSTD_getFrameContentSize reports it; 0 also
   * stands for "unknown" and "invalid header", which kmod rejects alike.
   */
  static long contentSize(Bytes in) {
    if (in.length() < 5) {
      return 0;
    }
    int descriptor = in.u8(4);
    boolean singleSegment = (descriptor & 0x20) != 0;
    int sizeFlag = descriptor >>> 6;
    int headerSize = 5 + (singleSegment ? 0 : 1) + DICT_ID_BYTES[descriptor & 3]
        + CONTENT_SIZE_BYTES[sizeFlag] + (singleSegment && sizeFlag == 0 ? 1 : 0);
    if (in.length() < headerSize || (descriptor & 0x08) != 0) {
      return 0;
    }
    int position = 5;
    if (!singleSegment && (in.u8(position++) >>> 3) + 10 > MAX_WINDOW_LOG) {
      return 0;
    }
    position += DICT_ID_BYTES[descriptor & 3];
    Bytes le = in.withBigEndian(false);
    switch (sizeFlag) {
      case 0:
        return singleSegment ? le.u8(position) : 0;
      case 1:
        return le.u16(position) + 256;
      case 2:
        return le.u32(position);
      default:
        return le.u64(position);
    }
  }
}
