package dev.beamdepmod.resolve;

import java.util.ArrayList;
import java.util.List;

/** depmod's stderr lines in the order they are printed (each without its final newline). */
final class Log {
  private final List<String> lines = new ArrayList<>();

  void fatal(String text) {
    lines.add("depmod: FATAL: " + text);
  }

  void error(String text) {
    lines.add("depmod: ERROR: " + text);
  }

  void warning(String text) {
    lines.add("depmod: WARNING: " + text);
  }

  /** A message already carrying its level, as a module reader recorded it. */
  void depmod(String levelAndText) {
    lines.add("depmod: " + levelAndText);
  }

  List<String> lines() {
    return lines;
  }
}
