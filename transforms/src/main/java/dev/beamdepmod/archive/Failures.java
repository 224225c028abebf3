package dev.beamdepmod.archive;

import java.io.EOFException;
import java.io.IOException;

/** Sorts what went wrong while reading a package: the package, the source, or the visitor. */
final class Failures {
  private Failures() {}

  /** Carries an exception of the visitor through the archive code to the caller, unchanged. */
  static final class VisitorFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    VisitorFailure(Throwable cause) {
      super(cause);
    }
  }

  /**
   * The exception to pass on for a failure of the archive code: a {@link PackageFormatException}
   * as it is, a source failure as it is (still marked), anything else (decoder errors, unchecked
   * exceptions of the archive library) as a {@link PackageFormatException}.
   *
   * @param entry the entry whose data was being read, or null
   * @param after the latest entry when no entry's data was being read, or null
   */
  static IOException classify(String packageName, String entry, String after, Throwable e) {
    if (e instanceof PackageFormatException p) {
      return p;
    }
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof SourceStream.SourceFailure s) {
        return s;
      }
    }
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String reason = (e instanceof EOFException ? "truncated: unexpected end of data" : "corrupt or truncated: " + detail)
        + (after == null ? "" : " (after entry " + EntryPaths.printable(after) + ")");
    return new PackageFormatException(packageName, entry, reason, e);
  }
}
