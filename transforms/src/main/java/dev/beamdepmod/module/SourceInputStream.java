package dev.beamdepmod.module;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Streams a source from a start offset in large chunks, counting the bytes handed out so a decoder
 * failure can be placed in the file. Failures of the source itself surface as {@link SourceException},
 * distinct from the decoders' own IOExceptions.
 */
final class SourceInputStream extends InputStream {
  /** An I/O error of the underlying source (as opposed to a decoding error). */
  static final class SourceException extends IOException {
    SourceException(IOException cause) {
      super(cause);
    }
  }

  private static final int CHUNK = 64 << 10;

  private final ModuleSource source;
  private final long size;
  private long position;
  private ByteBuffer chunk = ByteBuffer.allocate(0);

  SourceInputStream(ModuleSource source, long start) throws SourceException {
    this.source = source;
    try {
      this.size = source.size();
    } catch (IOException e) {
      throw new SourceException(e);
    }
    this.position = start;
  }

  /** Offset in the source of the next byte to be read. */
  long position() {
    return position;
  }

  long size() {
    return size;
  }

  /** Gives back the last byte read, so the next read returns it again. */
  void unread() {
    chunk.position(chunk.position() - 1);
    position--;
  }

  @Override
  public int read() throws IOException {
    if (!fill()) {
      return -1;
    }
    position++;
    return chunk.get() & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(len, chunk.remaining());
    chunk.get(b, off, n);
    position += n;
    return n;
  }

  private boolean fill() throws SourceException {
    if (chunk.hasRemaining()) {
      return true;
    }
    if (position >= size) {
      return false;
    }
    try {
      chunk = source.read(position, (int) Math.min(CHUNK, size - position)).slice();
    } catch (IOException e) {
      throw new SourceException(e);
    }
    return true;
  }
}
