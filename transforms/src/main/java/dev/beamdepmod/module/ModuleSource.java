package dev.beamdepmod.module;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Random access to the raw bytes of one module file, so the reader fetches only the parts it needs. */
public interface ModuleSource {
  long size() throws IOException;

  /** Reads exactly {@code length} bytes at {@code offset}; fails if the range is not inside the file. */
  ByteBuffer read(long offset, int length) throws IOException;
}
