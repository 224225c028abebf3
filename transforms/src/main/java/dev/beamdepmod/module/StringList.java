package dev.beamdepmod.module;

/**
 * A section holding NUL-separated strings (.modinfo, __ksymtab_strings), split as kmod splits it:
 * leading NULs are skipped while more than one byte remains, at most one remaining byte means no
 * strings, and every non-empty run of non-NUL bytes is a string (a final one may lack its NUL).
 */
final class StringList {
  /** Receives one string as a range of the section. */
  interface Visitor {
    void visit(int start, int length) throws ReadFailure;
  }

  private StringList() {}

  /** Index of the first string, or -1 when the section holds none. */
  static int start(Bytes section) {
    int start = 0;
    while (section.length() - start > 1 && section.u8(start) == 0) {
      start++;
    }
    return section.length() - start <= 1 ? -1 : start;
  }

  /** Visits the strings from start (as returned by {@link #start}) in order. */
  static void forEach(Bytes section, int start, Visitor visitor) throws ReadFailure {
    int i = start;
    while (i < section.length()) {
      int length = section.stringLength(i);
      if (length > 0) {
        visitor.visit(i, length);
      }
      i += length + 1;
    }
  }
}
