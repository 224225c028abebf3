package dev.beamdepmod.resolve;

/**
 * glibc's unsigned number conversions (strtoull and scanf's %u): optional white space and sign,
 * digits, overflow saturating to all ones, a minus sign negating modulo 2^64.
 */
final class CUnsigned {
  /** A converted number and the index just after it (or the start index when nothing converted). */
  record Parsed(long value, int end, boolean overflow) {
    boolean converted(int start) {
      return end != start;
    }
  }

  private CUnsigned() {}

  /** strtoull(s + start, &end, base) for base 10 or 16 (16 accepts a 0x prefix). */
  static Parsed parse(String s, int start, int base) {
    int i = start;
    while (i < s.length() && CText.isSpace(s.charAt(i))) {
      i++;
    }
    boolean negative = false;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    // "0x" without a hex digit after it converts just the 0
    if (base == 16 && (s.startsWith("0x", i) || s.startsWith("0X", i))
        && i + 2 < s.length() && digit(s.charAt(i + 2), 16) >= 0) {
      i += 2;
    }
    int digitsStart = i;
    long value = 0;
    boolean overflow = false;
    for (; i < s.length(); i++) {
      int d = digit(s.charAt(i), base);
      if (d < 0) {
        break;
      }
      if (Long.compareUnsigned(value, Long.divideUnsigned(-1L - d, base)) > 0) {
        overflow = true;
      }
      value = value * base + d;
    }
    if (i == digitsStart) {
      return new Parsed(0, start, false);
    }
    if (overflow) {
      return new Parsed(-1L, i, true);
    }
    return new Parsed(negative ? -value : value, i, false);
  }

  private static int digit(char c, int base) {
    return c < 0x80 ? Character.digit(c, base) : -1;
  }
}
