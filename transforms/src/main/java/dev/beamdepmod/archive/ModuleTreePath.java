package dev.beamdepmod.archive;

/**
 * A path inside a kernel module tree: {@code <moddir>/<version>/<relpath>}.
 *
 * @param moddir {@link #LIB_MODULES} or {@link #USR_LIB_MODULES}
 * @param relpath the path below the version directory, as depmod's relpath (never empty)
 */
public record ModuleTreePath(String moddir, String version, String relpath) {
  public static final String LIB_MODULES = "lib/modules";
  public static final String USR_LIB_MODULES = "usr/lib/modules";

  /**
   * @param path a normalised path, as {@link EntryVisitor} gets it (a leading "./" is tolerated)
   * @return where it lies, or null if it is not below a version directory of a module tree
   */
  public static ModuleTreePath of(String path) {
    String p = path.startsWith("./") ? path.substring(2) : path;
    for (String moddir : new String[] {LIB_MODULES, USR_LIB_MODULES}) {
      if (p.startsWith(moddir + "/")) {
        String rest = p.substring(moddir.length() + 1);
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
          return null;
        }
        return new ModuleTreePath(moddir, rest.substring(0, slash), rest.substring(slash + 1));
      }
    }
    return null;
  }
}
