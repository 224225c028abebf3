package dev.beamdepmod.resolve;

import static dev.beamdepmod.config.DepmodMessage.warning;

import dev.beamdepmod.diagnostics.Console;

/**
 * depmod's byte-by-byte reading of modules.builtin.modinfo ("module.key=value\0" records),
 * including how its fixed buffers cut long fields.
 */
final class ModinfoStream {
  private static final int FIELD_MAX = CText.PATH_MAX;

  private final byte[] data;
  private final Console console;
  private int pos;
  private boolean eof;

  ModinfoStream(byte[] data, Console console) {
    this.data = data;
    this.console = console;
  }

  /** True once a read has hit the end (C feof). */
  boolean atEof() {
    return eof;
  }

  /**
   * Reads up to {@code end}, a NUL or the end of the data, consuming the stop byte.
   *
   * @return the bytes read, or "" when the stop was not {@code end}
   */
  String field(char end) {
    StringBuilder field = new StringBuilder();
    int c = next();
    while (c >= 0 && c != end && c != 0 && field.length() < FIELD_MAX) {
      field.append((char) c);
      c = next();
    }
    int length = field.length();
    if (length == FIELD_MAX) {
      console.accept(warning("Could not flush stream: 28. Partial content: " + field));
      length--;
    }
    return c == end ? field.substring(0, length) : "";
  }

  /** Skips to just after the next NUL (or the end). */
  void skipRecord() {
    int c = next();
    while (c > 0) {
      c = next();
    }
  }

  private int next() {
    if (pos == data.length) {
      eof = true;
      return -1;
    }
    return data[pos++] & 0xFF;
  }
}
