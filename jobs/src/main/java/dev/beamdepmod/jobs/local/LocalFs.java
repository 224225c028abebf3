package dev.beamdepmod.jobs.local;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.nio.charset.Charset;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The bridge between depmod's byte-string paths (ISO-8859-1 Strings, see COMMON rules) and
 * java.nio paths on the local file system. File names travel through the JVM's file-name charset
 * (sun.jnu.encoding), so a name is reproduced byte for byte only when it is valid in that charset
 * (any name when the JVM runs in an ISO-8859-1 locale; valid UTF-8 names in a UTF-8 locale).
 */
public final class LocalFs {
  private static final Charset NAMES =
      Charset.forName(System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name()));

  private final Path cwd;

  /** @param cwd the directory relative depmod paths are taken from, as a depmod string */
  public LocalFs(String cwd) {
    this.cwd = Path.of(toJava(cwd));
  }

  /**
   * The java.nio path for a non-empty depmod path, relative ones taken from cwd. A trailing '/' is
   * kept meaningful (it requires a directory, as for the C library).
   */
  public Path path(String depmodPath) {
    String p = toJava(depmodPath);
    if (p.endsWith("/")) {
      p += ".";
    }
    return cwd.resolve(p);
  }

  /** Like {@link #path} for a path given by the user, which may be empty: "" names nothing. */
  public Path userPath(String depmodPath) throws NoSuchFileException {
    if (depmodPath.isEmpty()) {
      throw new NoSuchFileException(depmodPath);
    }
    return path(depmodPath);
  }

  /** The last component of a path as a depmod string. */
  public static String name(Path path) {
    return fromJava(path.getFileName().toString());
  }

  /** Converts a string from the JVM (file name, environment, property) into a depmod string. */
  public static String fromJava(String s) {
    return new String(s.getBytes(NAMES), ISO_8859_1);
  }

  /** The absolute local path of a depmod path, as a FileSystems location. */
  public String location(String depmodPath) {
    return path(depmodPath).toAbsolutePath().toString();
  }

  static String toJava(String depmodString) {
    return new String(depmodString.getBytes(ISO_8859_1), NAMES);
  }
}
