package dev.beamdepmod.jobs.depmod;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/** What depmod takes from stat(2): the S_IFMT bits (printed in octal for odd entries) and st_mtime. */
final class FileTypes {
  static final int S_IFMT = 0170000;
  static final int S_IFDIR = 0040000;
  static final int S_IFREG = 0100000;

  /** @param mtime st_mtime: whole seconds, rounded down */
  record Stat(int type, long mtime) {}

  private FileTypes() {}

  /** stat (following symlinks), or lstat with {@code NOFOLLOW_LINKS}. */
  static Stat stat(Path path, LinkOption... options) throws IOException {
    Map<String, Object> a = Files.readAttributes(path, "unix:mode,lastModifiedTime", options);
    return new Stat(
        (Integer) a.get("mode") & S_IFMT,
        ((FileTime) a.get("lastModifiedTime")).toInstant().getEpochSecond());
  }

  static int type(Path path, LinkOption... options) throws IOException {
    return stat(path, options).type();
  }
}
