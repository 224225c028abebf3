package dev.beamdepmod.index;

/** A key or value byte of 0x80 or more, which depmod refuses with a fatal error. */
public final class IndexCharacterException extends RuntimeException {
  private IndexCharacterException(String message) {
    super(message);
  }

  static void check(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        throw new IndexCharacterException(
            "Module index: bad character '" + c + "'=0x" + Integer.toHexString(c)
                + " - only 7-bit ASCII is supported:\n" + s);
      }
    }
  }

  /** depmod's message text after "depmod: FATAL: " (ISO-8859-1 string, may span lines). */
  public String kmodText() {
    return getMessage();
  }
}
