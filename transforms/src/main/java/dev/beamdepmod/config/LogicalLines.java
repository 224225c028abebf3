package dev.beamdepmod.config;

import java.util.ArrayList;
import java.util.List;

/** Splits a depmod.d file into logical lines, applying depmod's backslash rules. */
final class LogicalLines {
  /** @param number the number of the last physical line the logical line used */
  record Line(String text, int number) {}

  private LogicalLines() {}

  /**
   * A backslash joins the next physical line when followed by a newline, otherwise it is dropped
   * and the following byte kept; a backslash at end of file is dropped. A logical line ending at
   * end of file still counts as one more physical line, also after a continuation.
   */
  static List<Line> split(byte[] content) {
    List<Line> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int lineNumber = 0;
    int physical = 1;
    int i = 0;
    while (i < content.length) {
      char c = (char) (content[i] & 0xff);
      i++;
      if (c == '\\') {
        if (i == content.length) {
          break;
        }
        char next = (char) (content[i] & 0xff);
        i++;
        if (next == '\n') {
          physical++;
        } else {
          current.append(next);
        }
      } else if (c == '\n') {
        lineNumber += physical;
        lines.add(new Line(current.toString(), lineNumber));
        current.setLength(0);
        physical = 1;
      } else {
        current.append(c);
      }
    }
    if (current.length() > 0) {
      lines.add(new Line(current.toString(), lineNumber + physical));
    }
    return lines;
  }
}
