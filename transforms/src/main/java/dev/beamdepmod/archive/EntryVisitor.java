package dev.beamdepmod.archive;

import java.io.IOException;
import java.io.InputStream;

/** Receives the entries of a package in archive order. */
public interface EntryVisitor {
  /**
   * One regular file. {@code content} yields exactly {@code size} bytes (or fails with a
   * {@link PackageFormatException} if the archive is truncated or corrupt); it is valid only
   * until this method returns, and whatever is left unread is skipped. Closing it is not needed.
   *
   * @param path normalised path inside the package (no leading "./" or "/", no "." or ".." components)
   */
  void file(String path, long size, InputStream content) throws IOException;

  /** An entry that is not a regular file or not safe to use. Directories are not reported. */
  default void skipped(SkippedEntry entry) {}
}
