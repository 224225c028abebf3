package dev.beamdepmod.module;

import java.io.IOException;

/**
 * A failed decompression attempt: the library line kmod logs (without "ERROR: "; null when it logs
 * none), the errno the read then fails with, and where in the file kmod's next attempt would start.
 */
final class DecodeFailure extends Exception {
  private final String libraryMessage;
  private final String strerror;
  private final long nextStart;

  DecodeFailure(String libraryMessage, String strerror, long nextStart) {
    super(libraryMessage != null ? libraryMessage : strerror, null, false, false);
    this.libraryMessage = libraryMessage;
    this.strerror = strerror;
    this.nextStart = nextStart;
  }

  /** The decompressed size would exceed {@link Limits#MAX_CONTENT_BYTES}. */
  /** The whole compressed file, which cannot be larger than the content cap it decodes within. */
  static Bytes wholeInput(ModuleSource source, String library) throws IOException, DecodeFailure {
    long size = source.size();
    if (size > Limits.MAX_CONTENT_BYTES) {
      throw tooLarge(library, 0);
    }
    return Bytes.of(source.read(0, (int) size), false);
  }

  static DecodeFailure tooLarge(String library, long start) {
    return new DecodeFailure(library + ": Decompressed size exceeds the limit of "
        + (Limits.MAX_CONTENT_BYTES >> 20) + " MiB", Errno.EFBIG.text(), start);
  }

  String libraryMessage() {
    return libraryMessage;
  }

  String strerror() {
    return strerror;
  }

  long nextStart() {
    return nextStart;
  }
}
