package dev.beamdepmod.jobs.depmod;

/**
 * The kernel version and the input/output directory strings, built exactly as depmod builds them
 * (plain concatenation, never normalised: they appear verbatim in messages and module paths).
 */
public record Directories(String version, String dirname, String outdirname) {
  private static final int PATH_MAX = 4096;
  static final String DEFAULT_MODULE_DIRECTORY = "/lib/modules";

  /**
   * sscanf(version, "%u.%u") == 2: blanks, optional sign, digits, '.', blanks, optional sign,
   * digits; anything may follow and overflow is not detected.
   */
  public static boolean isVersionNumber(String s) {
    int i = unsignedField(s, 0);
    return i >= 0 && i < s.length() && s.charAt(i) == '.' && unsignedField(s, i + 1) >= 0;
  }

  /** The index after a %u conversion starting at {@code i}, or -1 when it fails. */
  private static int unsignedField(String s, int i) {
    while (i < s.length() && " \t\n\u000b\f\r".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = i;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i > digits ? i : -1;
  }

  /** -b/-o arguments: absolute ones as given, else cwd + "/" + the argument (even for cwd "/"). */
  static String absolute(String path, String cwd) {
    return path.startsWith("/") ? path : cwd + "/" + path;
  }

  static Directories of(DepmodOptions o, String version, String cwd) {
    String root = o.basedir() == null ? "" : absolute(o.basedir(), cwd);
    String outRoot = o.outdir() == null ? root : absolute(o.outdir(), cwd);
    String moddir = o.moduledir() == null ? DEFAULT_MODULE_DIRECTORY : o.moduledir();
    // the module directory always lies below the root
    int skip = 0;
    while (skip < moddir.length() && moddir.charAt(skip) == '/') {
      skip++;
    }
    moddir = moddir.substring(skip);
    return new Directories(
        version, root + "/" + moddir + "/" + version, outRoot + "/" + moddir + "/" + version);
  }

  /** The first of dirname and outdirname that does not fit depmod's PATH_MAX buffer, or null. */
  String tooLong() {
    for (String dir : new String[] {dirname, outdirname}) {
      if (dir.length() >= PATH_MAX) {
        return dir;
      }
    }
    return null;
  }
}
