package dev.beamdepmod.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A string that lets a backtracking matcher examine only so many characters before it gives up.
 * One character follows the text, outside the matcher's region: only a lookaround sees it, so that
 * {@link PosixEre#STEP} also looks at (and counts) a character at the end of the text.
 */
final class BoundedText implements CharSequence {
  /** The matcher examined more characters than allowed. */
  static final class Exhausted extends RuntimeException {
    Exhausted() {
      super(null, null, false, false);
    }
  }

  /** After the text; no word character, so \b, \< and \> see it as the end. */
  private static final char END = '\u0100';

  private final String text;
  private final long[] budget;

  BoundedText(String text, long budget) {
    this(text + END, new long[] {budget});
  }

  private BoundedText(String text, long[] budget) {
    this.text = text;
    this.budget = budget;
  }

  /** A matcher of the text without its end character, with the lookarounds seeing that character. */
  Matcher matcher(Pattern pattern) {
    return pattern.matcher(this).region(0, text.length() - 1).useTransparentBounds(true);
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
