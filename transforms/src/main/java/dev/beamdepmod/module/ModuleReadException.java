package dev.beamdepmod.module;

/** A module file depmod cannot load symbols from (it would print "failed to load symbols from ..."). */
public final class ModuleReadException extends Exception {
  private final String path;
  private final String reason;
  private final String strerror;

  /**
   * @param path the module path
   * @param reason the library's explanation (e.g. "xz: File is corrupt"), or the strerror text
   * @param strerror the C library text of the errno depmod reports (e.g. "Invalid argument")
   */
  public ModuleReadException(String path, String reason, String strerror) {
    super(reason.equals(strerror)
        ? "failed to load symbols from " + path + ": " + strerror
        : "failed to load symbols from " + path + ": " + strerror + " (" + reason + ")");
    this.path = path;
    this.reason = reason;
    this.strerror = strerror;
  }

  public String path() {
    return path;
  }

  public String reason() {
    return reason;
  }

  public String strerror() {
    return strerror;
  }
}
