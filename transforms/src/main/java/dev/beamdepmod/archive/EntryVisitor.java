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

  /**
   * Whether {@link #file} is to get this regular file (by its normalised path). Only a wanted entry
   * is held to the per-entry size limit, which bounds what a visitor buffers: a package may carry
   * larger files nobody reads (a -dbg package's vmlinux), which are streamed past.
   */
  default boolean wants(String path) {
    return true;
  }

  /** An entry that is not a regular file or not safe to use. Directories are not reported. */
  default void skipped(SkippedEntry entry) {}
}
