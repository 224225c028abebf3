package dev.beamdepmod.archive;

import java.io.IOException;
import java.io.InputStream;

/**
 * The caller's stream. Its read failures are marked, so that a failing source (network, storage)
 * reaches the caller as its own IOException and is not mistaken for a corrupt package. Closing
 * is left to the caller.
 */
final class SourceStream extends InputStream {
  /** A read failure of the source, carried through the decoders unchanged. */
  static final class SourceFailure extends IOException {
    private static final long serialVersionUID = 1L;

    SourceFailure(IOException original) {
      super(original);
    }

    IOException original() {
      return (IOException) getCause();
    }
  }

  private final InputStream in;

  SourceStream(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    try {
      return in.read();
    } catch (IOException e) {
      throw new SourceFailure(e);
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    try {
      return in.read(b, off, len);
    } catch (IOException e) {
      throw new SourceFailure(e);
    }
  }

  @Override
  public void close() {}
}
