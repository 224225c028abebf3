package dev.beamdepmod.config;

/** A string that lets a backtracking matcher examine only so many characters before it gives up. */
final class BoundedText implements CharSequence {
  /** The matcher examined more characters than allowed. */
  static final class Exhausted extends RuntimeException {
    Exhausted() {
      super(null, null, false, false);
    }
  }

  private final String text;
  private final long[] budget;

  BoundedText(String text, long budget) {
    this(text, new long[] {budget});
  }

  private BoundedText(String text, long[] budget) {
    this.text = text;
    this.budget = budget;
  }

  @Override
  public char charAt(int index) {
    if (--budget[0] < 0) {
      throw new Exhausted();
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  /** Shares the budget. */
  @Override
  public CharSequence subSequence(int start, int end) {
    return new BoundedText(text.substring(start, end), budget);
  }

  @Override
  public String toString() {
    return text;
  }
}
