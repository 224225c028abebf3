package dev.beamdepmod.resolve;

import java.io.Serializable;

/** An input file of a kernel (modules.order, modules.builtin, ...): its bytes, or why it could not be opened. */
public final class FileContent implements Serializable {
  private final byte[] bytes;
  private final String error;

  private FileContent(byte[] bytes, String error) {
    this.bytes = bytes;
    this.error = error;
  }

  public static FileContent of(byte[] bytes) {
    return new FileContent(bytes, null);
  }

  /** @param strerror the C library text depmod would print, e.g. "No such file or directory" */
  public static FileContent missing(String strerror) {
    return new FileContent(null, strerror);
  }

  public boolean present() {
    return bytes != null;
  }

  public byte[] bytes() {
    return bytes;
  }

  public String error() {
    return error;
  }
}
