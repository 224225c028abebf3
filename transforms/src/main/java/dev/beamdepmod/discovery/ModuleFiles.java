package dev.beamdepmod.discovery;

import dev.beamdepmod.config.DepmodConfig;
import java.util.List;

/** depmod's rules for directory entries and module file names: the one place that knows the extensions. */
public final class ModuleFiles {
  private static final String KO = ".ko";
  /** The compressions after ".ko"; .gz is always accepted (deviations.md: gzip-compressed modules). */
  private static final List<String> COMPRESSIONS = List.of("", ".gz", ".xz", ".zst");

  private ModuleFiles() {}

  /** Names skipped at any depth of the walk and of the -A check, whatever the configuration. */
  public static boolean isAlwaysSkipped(String name) {
    return name.equals(".")
        || name.equals("..")
        || name.equals("build")
        || name.equals("source");
  }

  /** Whether the walk skips a directory entry of this name (at any depth, file or directory). */
  public static boolean isSkipped(DepmodConfig config, String name) {
    return isAlwaysSkipped(name) || config.excludes().contains(name);
  }

  /** A module candidate ends in a module extension and is strictly longer than it. */
  public static boolean hasModuleExtension(String fileName) {
    for (String compression : COMPRESSIONS) {
      String ext = KO + compression;
      if (fileName.length() > ext.length() && fileName.endsWith(ext)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the last component of a path has a module extension. */
  public static boolean isModuleFile(String path) {
    return hasModuleExtension(path.substring(path.lastIndexOf('/') + 1));
  }

  /** The path without the compression after its ".ko": recompressing a module does not move it. */
  public static String uncompressed(String path) {
    for (String compression : COMPRESSIONS) {
      if (!compression.isEmpty() && path.endsWith(KO + compression)) {
        return path.substring(0, path.length() - compression.length());
      }
    }
    return path;
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
