package dev.beamdepmod.module;

/**
 * The heap a module's record takes, estimated while its entries are made, against
 * {@link Limits#MAX_RECORD_BYTES}: each entry and string is charged its object overhead (64-bit
 * JVM with compressed references, list slot and growth included) plus one byte per character.
 */
final class RecordBudget {
  private static final int ENTRY_BYTES = 40;
  private static final int STRING_BYTES = 48;

  private long used;

  /**
   * Charges one entry holding {@code strings} strings of {@code chars} characters in all.
   *
   * @throws ReadFailure "File too large" for the whole module once the record would exceed the budget
   */
  void entry(int strings, long chars) throws ReadFailure {
    if (!fits(ENTRY_BYTES + (long) strings * STRING_BYTES + chars)) {
      throw ReadFailure.recordTooLarge();
    }
  }

  /** Charges one more string if it fits; false (and nothing charged) when it does not. */
  boolean tryString(long chars) {
    return fits(STRING_BYTES + chars);
  }

  private boolean fits(long bytes) {
    if (bytes > Limits.MAX_RECORD_BYTES - used) {
      return false;
    }
    used += bytes;
    return true;
  }
}
