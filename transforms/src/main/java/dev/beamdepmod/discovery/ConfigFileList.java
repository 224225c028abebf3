package dev.beamdepmod.discovery;

import dev.beamdepmod.config.ConfigFileOrder;
import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.discovery.DirectorySource.Entry;
import dev.beamdepmod.discovery.DirectorySource.Listing;
import dev.beamdepmod.discovery.DirectorySource.Stat;
import dev.beamdepmod.module.Errno;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Which depmod.d files depmod reads, and in which order (docs/depmod-rules.md §4.1). */
public final class ConfigFileList {
  /** The reference build's search list, used when no -C is given. */
  public static final List<String> DEFAULT_PATHS =
      List.of(
          "/etc/depmod.d",
          "/run/depmod.d",
          "/usr/local/lib/depmod.d",
          "/usr/lib/depmod.d",
          "/lib/depmod.d");

  private ConfigFileList() {}

  /**
   * @param configPaths the -C paths, or empty for the default list
   * @param log receives the messages of listing the directories
   * @return the paths of the files to parse, in parse order
   */
  public static List<String> find(DirectorySource source, List<String> configPaths, Consumer<DepmodMessage> log) {
    List<String> found = new ArrayList<>();
    for (String path : configPaths.isEmpty() ? DEFAULT_PATHS : configPaths) {
      list(source, path, found, log);
    }
    return ConfigFileOrder.sortAndShadow(found);
  }

  private static void list(DirectorySource source, String path, List<String> found, Consumer<DepmodMessage> log) {
    int type;
    try {
      type = source.stat(path).type();
    } catch (IOException e) {
      return; // missing paths are skipped silently
    }
    if (type != Stat.S_IFDIR) {
      // deviation: kmod crashes on a -C file path without '/'; here its name is the whole path
      found.add(path);
      return;
    }
    try (Listing entries = source.open(path)) {
      for (Entry entry : entries) {
        if (accepted(entry, path, log)) {
          found.add(path + "/" + entry.name());
        }
      }
    } catch (IOException e) {
      log.accept(DepmodMessage.error("files list " + path + ": " + Errno.strerror(e)));
    }
  }

  private static boolean accepted(Entry entry, String dir, Consumer<DepmodMessage> log) {
    String name = entry.name();
    if (name.startsWith(".")) {
      return false;
    }
    if (name.length() < 6 || !name.endsWith(".conf")) {
      log.accept(DepmodMessage.info("All cfg files need .conf: " + dir + "/" + name));
      return false;
    }
    int type;
    try {
      type = entry.stat().type();
    } catch (IOException e) {
      // depmod prints no '/' between the two here
      log.accept(DepmodMessage.error("Cannot stat directory entry: " + dir + name));
      return false;
    }
    if (type == Stat.S_IFDIR) {
      log.accept(
          DepmodMessage.error("Directories inside directories are not supported: " + dir + "/" + name));
      return false;
    }
    return true;
  }
}
