package dev.beamdepmod.archive;

import dev.beamdepmod.archive.SkippedEntry.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

/** The checks every entry goes through, whatever the archive format, and its delivery to the visitor. */
final class EntryGate {
  enum Type { FILE, DIRECTORY, SYMLINK, HARDLINK, SPECIAL }

  /**
   * Most heap the paths remembered to detect duplicates may take, each charged its characters and
   * the objects holding it: a memory budget for the one thing kept per entry (a kernel package
   * takes about 1 MiB, a root file system of a million files about 150 MiB).
   */
  private static final long SEEN_PATH_BYTES = 256L << 20;
  private static final int SEEN_PATH_OVERHEAD = 96;

  private final String packageName;
  private final ArchiveLimits limits;
  private final Budget budget;
  private final EntryVisitor visitor;
  private final Set<String> seen = new HashSet<>();
  private long seenBytes;
  private int entries;
  private String last;

  EntryGate(String packageName, ArchiveLimits limits, Budget budget, EntryVisitor visitor) {
    this.packageName = packageName;
    this.limits = limits;
    this.budget = budget;
    this.visitor = visitor;
  }

  /** Raw name of the latest entry, or null before the first: where a failure happened. */
  String last() {
    return last;
  }

  /**
   * Checks one entry and, if it is a safe regular file, gives it to the visitor. Reads exactly
   * {@code size} bytes of {@code data} unless the entry is a directory (whose data, if its format
   * has any, the caller skips).
   *
   * @param typeName what the entry is, for the message when it is skipped as {@link Type#SPECIAL}
   */
  void entry(String rawName, Type type, String typeName, long size, InputStream data) throws IOException {
    last = rawName;
    if (++entries > limits.maxEntries()) {
      throw new PackageFormatException(packageName, null, "more than " + limits.maxEntries() + " entries");
    }
    if (size < 0 || size > limits.maxEntrySize() && type == Type.FILE && wanted(rawName)) {
      throw outsideEntryLimit(rawName, size);
    }
    if (size > budget.remaining()) {
      throw new PackageFormatException(packageName, rawName, "declared size " + size
          + " is more than the package may still unpack (limit " + limits.maxTotalSize() + " bytes in all)");
    }
    if (type == Type.DIRECTORY) {
      return;
    }
    EntryContent content = new EntryContent(packageName, rawName, data, size);
    String path = accepted(rawName, type, typeName);
    if (path != null && visitor.wants(path)) {
      try {
        visitor.file(path, size, content);
      } catch (IOException | RuntimeException e) {
        throw new Failures.VisitorFailure(e);
      }
    }
    content.finish();
  }

  /** Whether the visitor would get this entry as a file, by its safe path (nothing reported here). */
  private boolean wanted(String rawName) {
    EntryPaths.Normalised normalised = EntryPaths.normalise(rawName);
    return normalised.refusal() == null && !normalised.path().isEmpty() && visitor.wants(normalised.path());
  }

  private PackageFormatException outsideEntryLimit(String rawName, long size) {
    return new PackageFormatException(packageName, rawName,
        "declared size " + size + " is outside the limit of 0.." + limits.maxEntrySize() + " bytes per entry");
  }

  /** The normalised path of a regular file to deliver, or null after reporting why not. */
  private String accepted(String rawName, Type type, String typeName) throws PackageFormatException {
    EntryPaths.Normalised normalised = EntryPaths.normalise(rawName);
    if (normalised.refusal() != null || normalised.path().isEmpty()) {
      skip(rawName, Kind.UNSAFE_PATH, normalised.refusal() != null ? normalised.refusal() : "empty name");
      return null;
    }
    String path = normalised.path();
    if (!seen.add(path)) {
      skip(path, Kind.DUPLICATE, "duplicate entry, the first one is used");
      return null;
    }
    seenBytes += SEEN_PATH_OVERHEAD + path.length();
    if (seenBytes > SEEN_PATH_BYTES) {
      throw new PackageFormatException(packageName, rawName, "the paths of the package take more than " + SEEN_PATH_BYTES + " bytes");
    }
    switch (type) {
      case SYMLINK -> skip(path, Kind.LINK, "symbolic link, not followed");
      case HARDLINK -> skip(path, Kind.LINK, "hard link, not followed");
      case SPECIAL -> skip(path, Kind.SPECIAL_FILE, typeName + ", not a regular file");
      default -> {
        return path;
      }
    }
    return null;
  }

  private void skip(String path, Kind kind, String reason) {
    try {
      visitor.skipped(new SkippedEntry(path, kind, packageName + ": " + EntryPaths.printable(path) + ": " + reason));
    } catch (RuntimeException e) {
      throw new Failures.VisitorFailure(e);
    }
  }
}
