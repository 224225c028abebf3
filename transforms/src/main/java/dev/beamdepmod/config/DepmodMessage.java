package dev.beamdepmod.config;

import dev.beamdepmod.schema.Diagnostic;
import dev.beamdepmod.schema.DiagnosticLevel;
import dev.beamdepmod.schema.DiagnosticOrigin;
import java.io.Serializable;

/**
 * One diagnostic as depmod prints it on stderr: {@code depmod: <LEVEL>: <text>} (docs/depmod-rules.md
 * §3.1). Where messages cross the pipeline they travel as the Avro {@link Diagnostic}; a kernel's
 * messages are filtered, ordered and printed by {@link dev.beamdepmod.diagnostics.Console}.
 *
 * @param text the message without its final newline; a message whose text itself ends in a newline
 *     (producing an empty line on stderr) keeps that newline here
 * @param origin who prints it: depmod, or beam-depmod for what depmod has no message for
 */
public record DepmodMessage(Level level, String text, Origin origin) implements Serializable {

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

  /** The program name a line starts with. */
  public enum Origin {
    DEPMOD("depmod"),
    BEAM_DEPMOD("beam-depmod");

    private final String program;

    Origin(String program) {
      this.program = program;
    }
  }

  /** One of depmod's own messages. */
  public DepmodMessage(Level level, String text) {
    this(level, text, Origin.DEPMOD);
  }

  /** The default threshold is WARNING; every -v raises it by one. */
  public static int threshold(int verbose) {
    return Level.WARNING.priority() + verbose;
  }

  public static DepmodMessage fatal(String text) {
    return new DepmodMessage(Level.FATAL, text);
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

  /** An error of beam-depmod's own, about what depmod has no message for (an unreadable package). */
  public static DepmodMessage beamDepmodError(String text) {
    return new DepmodMessage(Level.ERROR, text, Origin.BEAM_DEPMOD);
  }

  /** A warning of beam-depmod's own, about what depmod has none of (its module cache, docs/cache.md). */
  public static DepmodMessage beamDepmodWarning(String text) {
    return new DepmodMessage(Level.WARNING, text, Origin.BEAM_DEPMOD);
  }

  public static DepmodMessage of(Diagnostic d) {
    return new DepmodMessage(
        Level.valueOf(d.getLevel().name()), d.getText(), Origin.valueOf(d.getOrigin().name()));
  }

  public Diagnostic diagnostic() {
    return new Diagnostic(DiagnosticLevel.valueOf(level.name()), text, DiagnosticOrigin.valueOf(origin.name()));
  }

  public boolean shownAt(int verbose) {
    return level.priority() <= threshold(verbose);
  }

  /** The stderr line without its final newline. */
  public String line() {
    return origin.program + ": " + level.name() + ": " + text;
  }
}
