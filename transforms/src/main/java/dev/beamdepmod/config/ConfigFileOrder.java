package dev.beamdepmod.config;

import java.util.ArrayList;
import java.util.List;

/** The order in which depmod parses the configuration files it found. */
public final class ConfigFileOrder {
  private ConfigFileOrder() {}

  /**
   * Sorts by file name (the text after the last '/', compared bytewise) and drops a file whose name
   * was already seen, so the earlier one in {@code paths} shadows it.
   *
   * @param paths accepted files in discovery order (search-list order, directory order within)
   */
  public static List<String> sortAndShadow(List<String> paths) {
    List<String> sorted = new ArrayList<>();
    for (String path : paths) {
      String name = name(path);
      int i = 0;
      int cmp = 1;
      while (i < sorted.size() && (cmp = name.compareTo(name(sorted.get(i)))) > 0) {
        i++;
      }
      if (i < sorted.size() && cmp == 0) {
        continue;
      }
      sorted.add(i, path);
    }
    return sorted;
  }

  /** The name a configuration file is sorted and shadowed by. */
  public static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
