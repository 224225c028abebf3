package dev.beamdepmod.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Streams the files of a package without unpacking it anywhere: a Debian .deb, an RPM, or a
 * tarball (plain, gzip, xz, zstd or bzip2). The format is recognised from the content, not from
 * the name. Entries arrive in archive order; only regular files with safe paths reach the
 * visitor, everything else is reported as skipped. Nothing is buffered beyond one header.
 */
public final class PackageReader {
  private PackageReader() {}

  public static void entries(String packageName, InputStream in, EntryVisitor visitor) throws IOException {
    entries(packageName, in, ArchiveLimits.DEFAULT, visitor);
  }

  /**
   * @param packageName names the package in messages
   * @param in the package's bytes; read up to the end of its archive, not closed
   * @throws PackageFormatException the package is malformed, truncated, corrupt or over a limit
   * @throws IOException reading {@code in} failed (passed on as thrown), or the visitor failed
   *     (its exceptions, checked or not, are passed on as thrown)
   */
  public static void entries(String packageName, InputStream in, ArchiveLimits limits, EntryVisitor visitor)
      throws IOException {
    EntryGate gate = null;
    try {
      BufferedInputStream source = new BufferedInputStream(new SourceStream(in));
      Payload payload = payload(packageName, source);
      try (InputStream decoded = payload.codec().open(payload.stream())) {
        Budget budget = new Budget(decoded, packageName, limits.maxTotalSize());
        gate = new EntryGate(packageName, limits, budget, visitor);
        if (payload.format() == Payload.Format.TAR) {
          TarEntries.read(packageName, budget, gate);
        } else {
          CpioEntries.read(packageName, budget, gate);
        }
        budget.drain();
      }
    } catch (Failures.VisitorFailure f) {
      throw passOn(f.getCause());
    } catch (IOException | RuntimeException e) {
      throw passOn(Failures.classify(packageName, null, gate == null ? null : gate.last(), e));
    }
  }

  private static Payload payload(String packageName, BufferedInputStream in) throws IOException {
    byte[] head = Codec.peek(in, 8);
    if (DebReader.matches(head)) {
      return DebReader.payload(packageName, in);
    }
    if (RpmReader.matches(head)) {
      return RpmReader.payload(packageName, in);
    }
    if (head.length == 0) {
      throw new PackageFormatException(packageName, null, "empty file");
    }
    return new Payload(Payload.Format.TAR, isTar(Codec.peek(in, 262)) ? Codec.NONE : Codec.sniff(in), in);
  }

  /** A ustar or GNU tar header first, whatever its file name starts with (it could look like a magic). */
  private static boolean isTar(byte[] head) {
    return head.length == 262 && new String(head, 257, 5, StandardCharsets.ISO_8859_1).equals("ustar");
  }

  /** Unwraps a failure of the source to the exception it threw; anything else as it is. */
  private static IOException passOn(Throwable t) {
    if (t instanceof SourceStream.SourceFailure s) {
      return s.original();
    }
    if (t instanceof IOException e) {
      return e;
    }
    throw (RuntimeException) t;
  }
}
