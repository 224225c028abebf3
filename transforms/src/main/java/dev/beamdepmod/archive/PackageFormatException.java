package dev.beamdepmod.archive;

import java.io.IOException;

/** A package that cannot be read safely: malformed, truncated, corrupt, or over a limit. */
public class PackageFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String packageName;
  private final String entry;
  private final String reason;

  /** @param entry the entry concerned (raw name as stored), or null for the package as a whole */
  public PackageFormatException(String packageName, String entry, String reason, Throwable cause) {
    super(packageName + ": " + (entry == null ? "" : EntryPaths.printable(entry) + ": ") + reason, cause);
    this.packageName = packageName;
    this.entry = entry;
    this.reason = reason;
  }

  public PackageFormatException(String packageName, String entry, String reason) {
    this(packageName, entry, reason, null);
  }

  public String packageName() {
    return packageName;
  }

  /** The entry concerned, or null. */
  public String entry() {
    return entry;
  }

  public String reason() {
    return reason;
  }
}
