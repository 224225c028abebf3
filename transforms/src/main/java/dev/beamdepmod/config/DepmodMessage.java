package dev.beamdepmod.config;

import java.io.Serializable;

/**
 * One diagnostic as depmod prints it on stderr: {@code depmod: <LEVEL>: <text>}.
 *
 * @param text the message without its final newline; a message whose text itself ends in a newline
 *     (producing an empty line on stderr) keeps that newline here
 */
public record DepmodMessage(Level level, String text) implements Serializable {

  /** depmod's log levels; the number is the syslog priority compared against the threshold. */
  public enum Level {
    FATAL(2),
    ERROR(3),
    WARNING(4),
    NOTICE(5),
    INFO(6),
    DEBUG(7);

    private final int priority;

    Level(int priority) {
      this.priority = priority;
    }

    public int priority() {
      return priority;
    }
  }

  /** The default threshold is WARNING; every -v raises it by one. */
  public static int threshold(int verbose) {
    return Level.WARNING.priority() + verbose;
  }

  public static DepmodMessage error(String text) {
    return new DepmodMessage(Level.ERROR, text);
  }

  public static DepmodMessage warning(String text) {
    return new DepmodMessage(Level.WARNING, text);
  }

  public static DepmodMessage info(String text) {
    return new DepmodMessage(Level.INFO, text);
  }

  public boolean shownAt(int verbose) {
    return level.priority() <= threshold(verbose);
  }

  /** The stderr line without its final newline. */
  public String line() {
    return "depmod: " + level.name() + ": " + text;
  }
}
