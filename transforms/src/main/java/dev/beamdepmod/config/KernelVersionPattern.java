package dev.beamdepmod.config;

import java.util.regex.Pattern;

/**
 * The KVER field of override and external lines: "*" matches everything; anything else is a POSIX
 * ERE matched anywhere in the version, and a pattern that does not compile matches nothing.
 *
 * <p>glibc matches without backtracking (but for back-references) and answers at once even for
 * patterns like {@code ((.*)*)*((.*)*)*((.*)*)*((.*)*)*((.*)*)*x}; java.util.regex backtracks
 * (exponential time there) and recurses once per nesting level and per pattern element (a stack
 * overflow at 10 000 nested groups, which glibc still matches). So the match runs on a thread with a
 * large stack and a budget of examined characters, and the pattern length is bounded: a pattern
 * beyond these bounds, far beyond any real one, is {@link Outcome#TOO_COMPLEX} instead of a hang or
 * a crash.
 */
final class KernelVersionPattern {
  /** How a KVER field compares with the kernel version. */
  enum Outcome { MATCH, NO_MATCH, TOO_COMPLEX }

  /** Longest pattern tried (real ones are a few dozen bytes). */
  static final int MAX_PATTERN_BYTES = 64 << 10;
  /**
   * Version characters the matcher may examine, all attempts together, every atom tried examining
   * one ({@link PosixEre#STEP}), so the work is bounded too where backtracking examines nothing
   * else (a fraction of a second; even a 64 KiB alternation of versions needs under a million).
   */
  static final long MAX_CHARS_EXAMINED = 4 << 20;
  /** Address space reserved for the matcher's stack (committed only as far as it is used). */
  private static final long MATCHER_STACK_BYTES = 256L << 20;

  private KernelVersionPattern() {}

  static Outcome match(String kver, String version) {
    if (kver.equals("*")) {
      return Outcome.MATCH;
    }
    if (kver.length() > MAX_PATTERN_BYTES) {
      return Outcome.TOO_COMPLEX;
    }
    Outcome[] outcome = {Outcome.TOO_COMPLEX};
    Thread matcher = new Thread(null, () -> outcome[0] = matchHere(kver, version), "kver-pattern", MATCHER_STACK_BYTES);
    matcher.start();
    boolean interrupted = false;
    while (true) {
      try {
        matcher.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return outcome[0];
  }

  private static Outcome matchHere(String kver, String version) {
    Pattern pattern;
    try {
      pattern = PosixEre.compile(kver);
    } catch (IllegalArgumentException e) {
      // PatternSyntaxException included: a translation Java rejects counts as not compiling
      return Outcome.NO_MATCH;
    } catch (StackOverflowError e) {
      return Outcome.TOO_COMPLEX;
    }
    try {
      return new BoundedText(version, MAX_CHARS_EXAMINED).matcher(pattern).find() ? Outcome.MATCH : Outcome.NO_MATCH;
    } catch (BoundedText.Exhausted | StackOverflowError e) {
      return Outcome.TOO_COMPLEX;
    }
  }
}
