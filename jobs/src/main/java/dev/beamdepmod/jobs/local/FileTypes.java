package dev.beamdepmod.jobs.local;

import dev.beamdepmod.discovery.DirectorySource.Stat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/** stat(2) on the local disk: the S_IFMT bits and st_mtime. */
final class FileTypes {
  private FileTypes() {}

  /** stat (following symlinks), or lstat with {@code NOFOLLOW_LINKS}. */
  static Stat stat(Path path, LinkOption... options) throws IOException {
    Map<String, Object> a = Files.readAttributes(path, "unix:mode,lastModifiedTime", options);
    return new Stat(
        (Integer) a.get("mode") & Stat.S_IFMT,
        ((FileTime) a.get("lastModifiedTime")).toInstant().getEpochSecond());
  }
}
