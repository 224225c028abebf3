package dev.beamdepmod.config;

import java.util.List;

/** depmod's rules for directory entries and module file names. */
public final class ModuleFiles {
  /** .ko.gz is always accepted (deviations.md: gzip-compressed modules). */
  private static final List<String> EXTENSIONS = List.of(".ko", ".ko.gz", ".ko.xz", ".ko.zst");

  private ModuleFiles() {}

  /** Names skipped at any depth of the walk and of the -A check, whatever the configuration. */
  public static boolean isAlwaysSkipped(String name) {
    return name.equals(".")
        || name.equals("..")
        || name.equals("build")
        || name.equals("source");
  }

  /** A module candidate ends in a module extension and is strictly longer than it. */
  public static boolean hasModuleExtension(String fileName) {
    for (String ext : EXTENSIONS) {
      if (fileName.length() > ext.length() && fileName.endsWith(ext)) {
        return true;
      }
    }
    return false;
  }

  /** The path relative to dirname when it lies below it (dirname followed by '/'), else null. */
  public static String relpath(String path, String dirname) {
    if (path.length() > dirname.length()
        && path.startsWith(dirname)
        && path.charAt(dirname.length()) == '/') {
      return path.substring(dirname.length() + 1);
    }
    return null;
  }
}
