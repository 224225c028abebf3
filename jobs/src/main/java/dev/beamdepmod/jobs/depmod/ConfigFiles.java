package dev.beamdepmod.jobs.depmod;

import dev.beamdepmod.module.Errno;
import dev.beamdepmod.config.ConfigFile;
import dev.beamdepmod.config.ConfigFileOrder;
import dev.beamdepmod.config.DepmodMessage;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Finds and reads the depmod.d files on the local file system (docs/depmod-rules.md §4.1). */
public final class ConfigFiles {
  /** The reference build's search list, used when no -C is given. */
  public static final List<String> DEFAULT_PATHS =
      List.of(
          "/etc/depmod.d",
          "/run/depmod.d",
          "/usr/local/lib/depmod.d",
          "/usr/lib/depmod.d",
          "/lib/depmod.d");

  private ConfigFiles() {}

  /**
   * @param configPaths the -C paths, or empty for the default list
   * @param log receives the messages of listing the directories
   * @return the files in parse order with their content
   */
  public static List<ConfigFile> load(
      LocalFs fs, List<String> configPaths, Consumer<DepmodMessage> log) {
    List<String> found = new ArrayList<>();
    for (String path : configPaths.isEmpty() ? DEFAULT_PATHS : configPaths) {
      list(fs, path, found, log);
    }
    List<ConfigFile> files = new ArrayList<>();
    for (String path : ConfigFileOrder.sortAndShadow(found)) {
      try {
        files.add(ConfigFile.of(path, Files.readAllBytes(fs.path(path))));
      } catch (IOException e) {
        files.add(ConfigFile.unreadable(path, Errno.strerror(e)));
      }
    }
    return files;
  }

  private static void list(LocalFs fs, String path, List<String> found, Consumer<DepmodMessage> log) {
    Path dir;
    int type;
    try {
      dir = fs.userPath(path);
      type = FileTypes.type(dir);
    } catch (IOException e) {
      return; // missing paths are skipped silently
    }
    if (type != FileTypes.S_IFDIR) {
      // deviation: kmod crashes on a -C file path without '/'; here its name is the whole path
      found.add(path);
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : Listing.of(entries)) {
        String name = LocalFs.name(entry);
        if (accepted(entry, path, name, log)) {
          found.add(path + "/" + name);
        }
      }
    } catch (IOException e) {
      log.accept(DepmodMessage.error("files list " + path + ": " + Errno.strerror(e)));
    }
  }

  private static boolean accepted(Path entry, String dir, String name, Consumer<DepmodMessage> log) {
    if (name.startsWith(".")) {
      return false;
    }
    if (name.length() < 6 || !name.endsWith(".conf")) {
      log.accept(DepmodMessage.info("All cfg files need .conf: " + dir + "/" + name));
      return false;
    }
    int type;
    try {
      type = FileTypes.type(entry);
    } catch (IOException e) {
      // depmod prints no '/' between the two here
      log.accept(DepmodMessage.error("Cannot stat directory entry: " + dir + name));
      return false;
    }
    if (type == FileTypes.S_IFDIR) {
      log.accept(
          DepmodMessage.error("Directories inside directories are not supported: " + dir + "/" + name));
      return false;
    }
    return true;
  }
}
