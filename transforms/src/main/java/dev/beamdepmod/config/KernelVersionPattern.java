package dev.beamdepmod.config;

import java.util.regex.PatternSyntaxException;

/** The KVER field of override and external lines. */
final class KernelVersionPattern {
  private KernelVersionPattern() {}

  /**
   * "*" matches everything; anything else is a POSIX ERE matched anywhere in the version. A pattern
   * that does not compile matches nothing.
   */
  static boolean matches(String kver, String version) {
    if (kver.equals("*")) {
      return true;
    }
    try {
      return PosixEre.compile(kver).matcher(version).find();
    } catch (IllegalArgumentException e) {
      // PatternSyntaxException included: a translation Java rejects counts as not compiling
      return false;
    }
  }
}
