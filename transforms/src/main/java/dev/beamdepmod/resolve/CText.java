package dev.beamdepmod.resolve;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** How depmod's C code sees text files: fgets pieces, NUL-terminated strings, ctype classes. */
final class CText {
  /** PATH_MAX, the buffer size of depmod's modules.order and modules.builtin reads. */
  static final int PATH_MAX = 4096;

  private CText() {}

  /** The pieces a loop of fgets(buf, bufferSize) returns: lines, or bufferSize-1 bytes of a longer one. */
  static List<String> fgets(byte[] content, int bufferSize) {
    String all = new String(content, StandardCharsets.ISO_8859_1);
    List<String> pieces = new ArrayList<>();
    int start = 0;
    while (start < all.length()) {
      int newline = all.indexOf('\n', start);
      int end = newline < 0 ? all.length() : newline + 1;
      end = Math.min(end, start + bufferSize - 1);
      pieces.add(all.substring(start, end));
      start = end;
    }
    return pieces;
  }

  /** The C string view of a buffer: everything before the first NUL. */
  static String cString(String buffer) {
    int nul = buffer.indexOf('\0');
    return nul < 0 ? buffer : buffer.substring(0, nul);
  }

  /** C isspace in the C locale. */
  static boolean isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
