package dev.beamdepmod.archive;

/**
 * An entry that was not given to the visitor as a file.
 *
 * @param path the normalised path, or the raw name when the name itself was refused
 * @param kind why it was skipped
 * @param message one line naming the package, the entry and the reason
 */
public record SkippedEntry(String path, Kind kind, String message) {
  public enum Kind {
    /** Absolute, "..", NUL byte or over-long name. */
    UNSAFE_PATH,
    /** Symbolic or hard link (never followed). */
    LINK,
    /** Device node, FIFO, socket or an entry type that is not a file. */
    SPECIAL_FILE,
    /** A second entry with the same normalised path; the first one counts. */
    DUPLICATE
  }
}
