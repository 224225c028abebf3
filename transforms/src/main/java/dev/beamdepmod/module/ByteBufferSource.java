package dev.beamdepmod.module;

import java.io.IOException;
import java.nio.ByteBuffer;

/** A module file already in memory. Reads return views of the buffer, never copies. */
public final class ByteBufferSource implements ModuleSource {
  private final ByteBuffer content;

  /** @param content the file's bytes from its position to its limit (not modified, not copied) */
  public ByteBufferSource(ByteBuffer content) {
    this.content = content.slice();
  }

  public static ByteBufferSource of(byte[] content) {
    return new ByteBufferSource(ByteBuffer.wrap(content));
  }

  @Override
  public long size() {
    return content.remaining();
  }

  @Override
  public ByteBuffer read(long offset, int length) throws IOException {
    if (offset < 0 || length < 0 || offset > content.remaining() - (long) length) {
      throw new IOException("range " + offset + "+" + length + " outside " + content.remaining() + " bytes");
    }
    return content.duplicate().position((int) offset).limit((int) offset + length).slice();
  }
}
