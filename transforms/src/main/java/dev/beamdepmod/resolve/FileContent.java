package dev.beamdepmod.resolve;

import dev.beamdepmod.config.DepmodMessage;
import java.io.Serializable;

/** An input file of a kernel (modules.order, modules.builtin, ...): its bytes, or why it could not be opened. */
public final class FileContent implements Serializable {
  private final byte[] bytes;
  private final String error;
  private final boolean directoryError;

  private FileContent(byte[] bytes, String error, boolean directoryError) {
    this.bytes = bytes;
    this.error = error;
    this.directoryError = directoryError;
  }

  public static FileContent of(byte[] bytes) {
    return new FileContent(bytes, null, false);
  }

  /** @param strerror the C library text depmod would print, e.g. "No such file or directory" */
  public static FileContent missing(String strerror) {
    return new FileContent(null, strerror, false);
  }

  /**
   * The input directory itself could not be opened (possible in files mode), which depmod
   * reports instead of the file. @param strerror the C library text, e.g. "No such file or directory"
   */
  public static FileContent directoryMissing(String strerror) {
    return new FileContent(null, strerror, true);
  }

  public boolean present() {
    return bytes != null;
  }

  public byte[] bytes() {
    return bytes;
  }

  /** depmod's warning for this file, absent from {@code dirname} (or in a directory it could not open). */
  DepmodMessage couldNotOpen(String dirname, String fileName) {
    return DepmodMessage.warning(directoryError
        ? "could not open directory " + dirname + ": " + error
        : "could not open " + fileName + " at " + dirname + ": " + error);
  }
}
