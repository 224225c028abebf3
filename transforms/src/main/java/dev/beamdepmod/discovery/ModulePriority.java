package dev.beamdepmod.discovery;

import dev.beamdepmod.config.DepmodConfig;
import dev.beamdepmod.config.SearchEntry;

/**
 * depmod's choice between two module files of the same name (overrides, then search entries).
 * Module paths are compared by their "stem": the path cut after the directory part plus as many
 * bytes of the file name as the module name has, so extensions never matter.
 */
public final class ModulePriority {
  private final DepmodConfig config;
  private final String dirname;

  public ModulePriority(DepmodConfig config, String dirname) {
    this.config = config;
    this.dirname = dirname;
  }

  /** Whether {@code candidate}, found after {@code old}, replaces it. */
  public boolean replaces(DiscoveredModule old, DiscoveredModule candidate) {
    Stem newStem = new Stem(candidate);
    Stem oldStem = new Stem(old);
    for (String override : config.overrides()) {
      if (override.equals(newStem.rel)) {
        return true;
      }
      if (override.equals(oldStem.rel)) {
        return false;
      }
    }
    int builtinPrio = -1;
    int newPrio = -1;
    int oldPrio = -1;
    int i = 0;
    for (SearchEntry entry : config.searches()) {
      switch (entry.kind()) {
        case BUILT_IN:
          builtinPrio = i;
          break;
        case EXTERNAL:
          // every external directory takes its own number; the entry's own increment follows
          for (String external : config.externals()) {
            if (newStem.isBelow(external)) {
              newPrio = i;
            }
            if (oldStem.isBelow(external)) {
              oldPrio = i;
            }
            i++;
          }
          break;
        case PATH:
          // only one of the two can take the entry, the new one first
          if (newStem.relStartsWithDir(entry.path())) {
            newPrio = i;
          } else if (oldStem.relStartsWithDir(entry.path())) {
            oldPrio = i;
          }
          break;
      }
      i++;
    }
    if (newPrio < 0) {
      newPrio = builtinPrio;
    }
    if (oldPrio < 0) {
      oldPrio = builtinPrio;
    }
    return newPrio > oldPrio;
  }

  private final class Stem {
    /** The absolute path cut after the module name's length of the file name. */
    final String abs;
    /**
     * The stem relative to dirname, or null. depmod only checks that the path starts with dirname
     * and then skips one more byte, so a directory named like dirname plus a suffix also counts.
     */
    final String rel;

    Stem(DiscoveredModule module) {
      String path = module.path();
      abs = path.substring(0, path.lastIndexOf('/') + 1 + module.name().length());
      int start = dirname.length() + 1;
      rel =
          path.startsWith(dirname)
              ? (abs.length() >= start ? abs.substring(start) : "")
              : null;
    }

    boolean isBelow(String dir) {
      return abs.length() > dir.length() && abs.startsWith(dir) && abs.charAt(dir.length()) == '/';
    }

    boolean relStartsWithDir(String dir) {
      return rel != null
          && rel.length() > dir.length()
          && rel.startsWith(dir)
          && rel.charAt(dir.length()) == '/';
    }
  }
}
