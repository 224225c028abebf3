package dev.beamdepmod.module;

/**
 * Why one of depmod's reads of a module failed: the errno it reports, and whether kmod 34.2 would
 * have aborted the whole run there (our deviation: the module is then treated as unreadable).
 */
final class ReadFailure extends Exception {
  private final String strerror;
  private final boolean abort;

  private ReadFailure(String strerror, boolean abort) {
    super(strerror, null, false, false);
    this.strerror = strerror;
    this.abort = abort;
  }

  static ReadFailure of(Errno errno) {
    return new ReadFailure(errno.text(), false);
  }

  static ReadFailure io(String strerror) {
    return new ReadFailure(strerror, false);
  }

  /** A malformed file on which kmod 34.2 fails an assertion and aborts. */
  static ReadFailure abort() {
    return new ReadFailure(Errno.EINVAL.text(), true);
  }

  String strerror() {
    return strerror;
  }

  boolean isAbort() {
    return abort;
  }
}
