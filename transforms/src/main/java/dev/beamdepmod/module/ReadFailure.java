package dev.beamdepmod.module;

/**
 * Why one of depmod's reads of a module failed: the errno it reports, and whether the module is then
 * unreadable as a whole (one failure message, nothing of it kept): where kmod 34.2 would have aborted
 * the whole run (our deviation), or where the record would exceed its memory budget.
 */
final class ReadFailure extends Exception {
  private final String strerror;
  private final boolean wholeModule;

  private ReadFailure(String strerror, boolean wholeModule) {
    super(strerror, null, false, false);
    this.strerror = strerror;
    this.wholeModule = wholeModule;
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

  /** The record would take more than {@link Limits#MAX_RECORD_BYTES}. */
  static ReadFailure recordTooLarge() {
    return new ReadFailure(Errno.EFBIG.text(), true);
  }

  String strerror() {
    return strerror;
  }

  boolean failsWholeModule() {
    return wholeModule;
  }
}
