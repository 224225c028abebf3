package dev.beamdepmod.module;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;

/**
 * A module file read through a channel, one requested range at a time: for an uncompressed module
 * only the ELF header, the section tables and the sections depmod uses are read. FileChannels are
 * read with positional reads (safe to share); other channels are positioned first.
 */
public final class ChannelSource implements ModuleSource, Closeable {
  private final SeekableByteChannel channel;

  public ChannelSource(SeekableByteChannel channel) {
    this.channel = channel;
  }

  @Override
  public long size() throws IOException {
    return channel.size();
  }

  @Override
  public ByteBuffer read(long offset, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    if (channel instanceof FileChannel file) {
      while (buffer.hasRemaining()) {
        if (file.read(buffer, offset + buffer.position()) < 0) {
          throw new EOFException("file ends before offset " + (offset + length));
        }
      }
    } else {
      synchronized (channel) {
        channel.position(offset);
        while (buffer.hasRemaining()) {
          if (channel.read(buffer) < 0) {
            throw new EOFException("file ends before offset " + (offset + length));
          }
        }
      }
    }
    return buffer.flip();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
