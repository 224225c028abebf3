package dev.beamdepmod.jobs.depmod;

import java.util.ArrayList;
import java.util.List;

/**
 * glibc's getopt_long as depmod uses it: argument permutation (or stopping at the first operand
 * under POSIXLY_CORRECT), "--", bundled short options, attached and separate arguments, long
 * options by unambiguous prefix, and glibc's exact error texts. Options are handed out one at a
 * time so the caller can act on each before the next is looked at.
 */
final class GetoptLong {
  /** @param value the short option character the long option stands for */
  record LongOption(String name, boolean requiresArgument, char value) {}

  /** What {@link #next()} returns: an option, a parse error, or null at the end. */
  sealed interface Event permits Option, Failure {}

  /** @param argument the option's argument, or null when it takes none */
  record Option(char name, String argument) implements Event {}

  /** @param message what glibc prints on stderr, newline included */
  record Failure(String message) implements Event {}

  private final String program;
  private final List<String> args;
  private final String shortOptions;
  private final List<LongOption> longOptions;
  private final boolean posixlyCorrect;
  private final List<String> operands = new ArrayList<>();
  private int index;
  private String cluster = "";

  /** @param shortOptions getopt's option string (a letter followed by ':' takes an argument) */
  GetoptLong(
      String program,
      List<String> args,
      String shortOptions,
      List<LongOption> longOptions,
      boolean posixlyCorrect) {
    this.program = program;
    this.args = args;
    this.shortOptions = shortOptions;
    this.longOptions = longOptions;
    this.posixlyCorrect = posixlyCorrect;
  }

  Event next() {
    if (!cluster.isEmpty()) {
      return shortOption();
    }
    while (index < args.size()) {
      String arg = args.get(index);
      if (arg.equals("--")) {
        index++;
        takeRestAsOperands();
        return null;
      }
      if (arg.length() < 2 || arg.charAt(0) != '-') {
        if (posixlyCorrect) {
          takeRestAsOperands();
          return null;
        }
        operands.add(arg);
        index++;
        continue;
      }
      index++;
      if (arg.startsWith("--")) {
        return longOption(arg.substring(2));
      }
      cluster = arg.substring(1);
      return shortOption();
    }
    return null;
  }

  /** The non-option arguments in their original order; complete once next() returned null. */
  List<String> operands() {
    return operands;
  }

  private void takeRestAsOperands() {
    operands.addAll(args.subList(index, args.size()));
    index = args.size();
  }

  private Event shortOption() {
    char c = cluster.charAt(0);
    cluster = cluster.substring(1);
    int at = shortOptions.indexOf(c);
    if (at < 0 || c == ':' || c == ';') {
      return new Failure(program + ": invalid option -- '" + c + "'\n");
    }
    if (at + 1 >= shortOptions.length() || shortOptions.charAt(at + 1) != ':') {
      return new Option(c, null);
    }
    if (!cluster.isEmpty()) {
      String argument = cluster;
      cluster = "";
      return new Option(c, argument);
    }
    if (index < args.size()) {
      return new Option(c, args.get(index++));
    }
    return new Failure(program + ": option requires an argument -- '" + c + "'\n");
  }

  /** @param text the argument after "--" */
  private Event longOption(String text) {
    int eq = text.indexOf('=');
    String name = eq < 0 ? text : text.substring(0, eq);
    LongOption found = null;
    for (LongOption o : longOptions) {
      if (o.name().equals(name)) {
        found = o;
        break;
      }
    }
    if (found == null) {
      // abbreviations: options that do the same thing as the first match are no ambiguity
      List<LongOption> ambiguous = new ArrayList<>();
      for (LongOption o : longOptions) {
        if (!o.name().startsWith(name)) {
          continue;
        }
        if (found == null) {
          found = o;
        } else if (o.requiresArgument() != found.requiresArgument() || o.value() != found.value()) {
          if (ambiguous.isEmpty()) {
            ambiguous.add(found);
          }
          ambiguous.add(o);
        }
      }
      if (!ambiguous.isEmpty()) {
        StringBuilder m = new StringBuilder();
        m.append(program).append(": option '--").append(text).append("' is ambiguous; possibilities:");
        for (LongOption o : ambiguous) {
          m.append(" '--").append(o.name()).append('\'');
        }
        return new Failure(m.append('\n').toString());
      }
      if (found == null) {
        return new Failure(program + ": unrecognized option '--" + text + "'\n");
      }
    }
    if (eq >= 0) {
      if (!found.requiresArgument()) {
        return new Failure(
            program + ": option '--" + found.name() + "' doesn't allow an argument\n");
      }
      return new Option(found.value(), text.substring(eq + 1));
    }
    if (!found.requiresArgument()) {
      return new Option(found.value(), null);
    }
    if (index < args.size()) {
      return new Option(found.value(), args.get(index++));
    }
    return new Failure(program + ": option '--" + found.name() + "' requires an argument\n");
  }
}
