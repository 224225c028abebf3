package dev.beamdepmod.discovery;

import java.io.Closeable;
import java.io.IOException;

/**
 * The directories depmod's discovery reads, as depmod sees them through the C library: opendir,
 * readdir (with each entry's d_type), fstatat and openat. Paths are depmod byte strings
 * (ISO-8859-1 chars); failures are IOExceptions whose errno text {@link dev.beamdepmod.module.Errno}
 * gives. The local disk is one source (in jobs/, the only place that touches it); the modules of a
 * kernel inside its packages are another ({@link PackageTree}), so both are walked by the same rules.
 */
public interface DirectorySource {
  /** opendir: the directory's entries in the order it lists them. */
  Listing open(String path) throws IOException;

  /** stat(2), symlinks followed. */
  Stat stat(String path) throws IOException;

  /** An open directory; a read error ends the listing, as readdir returning NULL does. */
  interface Listing extends Iterable<Entry>, Closeable {}

  /** One directory entry. */
  interface Entry {
    /** The entry's name as a depmod string. */
    String name();

    /** The type the listing reports for the entry itself (symlinks not followed); 0 if unknown. */
    int listedType();

    /** fstatat on the entry, symlinks followed: made only when asked for. */
    Stat stat() throws IOException;

    /** openat on the entry as a directory. */
    Listing open() throws IOException;
  }

  /**
   * What depmod takes from stat(2).
   *
   * @param type the S_IFMT bits (printed in octal for odd entries)
   * @param mtime st_mtime: whole seconds, rounded down
   */
  record Stat(int type, long mtime) {
    public static final int S_IFMT = 0170000;
    public static final int S_IFDIR = 0040000;
    public static final int S_IFREG = 0100000;
  }
}
