package dev.beamdepmod.module;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Set;

/** The C library texts (glibc strerror) that depmod prints for the errno values a module read can end with. */
public enum Errno {
  ENOENT("No such file or directory"),
  EACCES("Permission denied"),
  EIO("Input/output error"),
  ENOEXEC("Exec format error"),
  ENOMEM("Cannot allocate memory"),
  EINVAL("Invalid argument"),
  EFBIG("File too large");

  /** strerror texts the JDK passes through verbatim in exception messages/reasons, beyond the constants above. */
  private static final Set<String> KNOWN_TEXTS = Set.of(
      "Operation not permitted", "No such file or directory", "Input/output error",
      "No such device or address", "Bad file descriptor", "Cannot allocate memory", "Permission denied",
      "Is a directory", "Not a directory", "Invalid argument", "Too many open files in system",
      "Too many open files", "Text file busy", "File too large", "Too many levels of symbolic links",
      "File name too long", "Stale file handle", "No such device", "Operation not supported",
      "Function not implemented", "Exec format error", "No space left on device",
      "Read-only file system", "Disk quota exceeded", "File exists", "Directory not empty");

  /** The JDK words ELOOP as its strerror text plus this. */
  private static final String JDK_ELOOP_SUFFIX = " or unable to access attributes of symbolic link";

  private final String text;

  Errno(String text) {
    this.text = text;
  }

  /** The strerror text, e.g. "Invalid argument". */
  public String text() {
    return text;
  }

  /**
   * The strerror text of the errno behind an I/O failure. The JDK reports most errno values through
   * the strerror text itself (as a FileSystemException reason or an IOException message); anything it
   * does not name is reported as a plain I/O error. Only the exception is looked at: the
   * java.nio.file exception types are what Beam's local file system throws, no file is touched here.
   */
  public static String strerror(IOException e) {
    if (e instanceof NoSuchFileException) {
      return ENOENT.text;
    }
    if (e instanceof AccessDeniedException) {
      return EACCES.text;
    }
    if (e instanceof NotDirectoryException) {
      return "Not a directory";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "File exists";
    }
    String detail = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
    if (detail != null && detail.endsWith(JDK_ELOOP_SUFFIX)) {
      detail = detail.substring(0, detail.length() - JDK_ELOOP_SUFFIX.length());
    }
    if (e instanceof FileNotFoundException && detail != null) {
      // The JDK's file streams (behind Beam's local file system) report "<path> (<strerror>)".
      int open = detail.lastIndexOf(" (");
      if (open >= 0 && detail.endsWith(")")) {
        detail = detail.substring(open + 2, detail.length() - 1);
      }
    }
    return detail != null && KNOWN_TEXTS.contains(detail) ? detail : EIO.text;
  }
}
