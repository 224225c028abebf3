package dev.beamdepmod.resolve;

/** The key an alias gets in the alias indexes: '-' becomes '_' except inside [...] patterns. */
final class AliasNormalizer {
  private AliasNormalizer() {}

  /** @return the normalised alias, or null for an unmatched bracket */
  static String normalize(String alias) {
    StringBuilder key = new StringBuilder(alias.length());
    // depmod copies at most PATH_MAX-1 bytes, though a bracket expression may run past that
    for (int i = 0; i < CText.PATH_MAX - 1 && i < alias.length(); i++) {
      char c = alias.charAt(i);
      switch (c) {
        case '-' -> key.append('_');
        case ']' -> {
          return null;
        }
        case '[' -> {
          int close = alias.indexOf(']', i);
          if (close < 0) {
            return null;
          }
          key.append(alias, i, close + 1);
          i = close;
        }
        default -> key.append(c);
      }
    }
    return key.toString();
  }
}
