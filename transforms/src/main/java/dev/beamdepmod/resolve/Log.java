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

  /** depmod's warning for an input file it could not open (or whose directory it could not open). */
  void couldNotOpen(String dirname, String fileName, FileContent file) {
    warning(file.directoryError()
        ? "could not open directory " + dirname + ": " + file.error()
        : "could not open " + fileName + " at " + dirname + ": " + file.error());
  }

  /** A message already carrying its level, as a module reader recorded it. */
  void depmod(String levelAndText) {
    lines.add("depmod: " + levelAndText);
  }

  /** A line made by the caller, printed as it is. */
  void printed(String line) {
    lines.add(line);
  }

  List<String> lines() {
    return lines;
  }
}
