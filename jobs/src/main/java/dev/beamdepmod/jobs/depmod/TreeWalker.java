package dev.beamdepmod.jobs.depmod;

import dev.beamdepmod.module.Errno;
import dev.beamdepmod.config.DepmodConfig;
import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.config.DiscoveredModule;
import dev.beamdepmod.config.ModuleCollector;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The "all"-mode walk of the module directory and then the external directories, in the order the
 * OS lists directory entries (java.nio's DirectoryStream returns readdir order on Linux).
 *
 * <p>Messages that name a directory file descriptor print 3 + depth: depmod opens the top
 * directory as the lowest free descriptor (3 in a process started with only 0-2 open) and each
 * subdirectory as the next one, closing it when done.
 */
public final class TreeWalker {
  static final int FIRST_FD = 3;

  private final LocalFs fs;
  private final DepmodConfig config;
  private final Consumer<DepmodMessage> log;
  private final ModuleCollector collector;

  private TreeWalker(LocalFs fs, DepmodConfig config, String dirname, Consumer<DepmodMessage> log) {
    this.fs = fs;
    this.config = config;
    this.log = log;
    this.collector = new ModuleCollector(config, dirname);
  }

  /** @return the modules kept, one per name */
  public static List<DiscoveredModule> walk(
      LocalFs fs, String cwd, DepmodConfig config, String dirname, Consumer<DepmodMessage> log)
      throws DepmodFatal {
    DepmodConfig absolute = config.withAbsoluteExternals(cwd);
    TreeWalker walker = new TreeWalker(fs, absolute, dirname, log);
    String error = walker.walkRoot(dirname, dirname);
    if (error != null) {
      throw new DepmodFatal("could not search modules: " + error);
    }
    for (int i = 0; i < config.externals().size(); i++) {
      // failures are reported and ignored
      walker.walkRoot(config.externals().get(i), absolute.externals().get(i));
    }
    return walker.collector.modules();
  }

  /**
   * @param dir the directory as depmod opens and reports it
   * @param pathBase what depmod builds the paths of its entries from
   * @return null, or the strerror text when the directory could not be opened
   */
  private String walkRoot(String dir, String pathBase) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(fs.path(dir))) {
      walkDir(entries, pathBase + "/", 0);
      return null;
    } catch (IOException e) {
      String error = Errno.strerror(e);
      log.accept(DepmodMessage.error("could not open directory " + dir + ": " + error));
      return error;
    }
  }

  private void walkDir(DirectoryStream<Path> entries, String prefix, int depth) {
    for (Path entry : Listing.of(entries)) {
      String name = LocalFs.name(entry);
      if (config.skipsEntry(name)) {
        continue;
      }
      String path = prefix + name;
      int type = listedType(entry);
      if (type != FileTypes.S_IFREG && type != FileTypes.S_IFDIR) {
        try {
          type = FileTypes.type(entry);
        } catch (IOException e) {
          log.accept(DepmodMessage.error(
              "fstatat(" + (FIRST_FD + depth) + ", " + name + "): " + Errno.strerror(e)));
          continue;
        }
        if (type != FileTypes.S_IFREG && type != FileTypes.S_IFDIR) {
          log.accept(DepmodMessage.error(unsupportedType(path, type)));
          continue;
        }
      }
      if (type == FileTypes.S_IFREG) {
        collector.offer(path);
        continue;
      }
      try (DirectoryStream<Path> sub = Files.newDirectoryStream(entry)) {
        walkDir(sub, path + "/", depth + 1);
      } catch (IOException e) {
        log.accept(
            DepmodMessage.error(
                "openat(" + (FIRST_FD + depth) + ", " + name + ", O_RDONLY): "
                    + Errno.strerror(e)));
      }
    }
  }

  /** The type the directory listing reports (the entry itself, symlinks not followed); 0 if unknown. */
  private static int listedType(Path entry) {
    try {
      return FileTypes.type(entry, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return 0;
    }
  }

  static String unsupportedType(String path, int type) {
    return "unsupported file type " + path + ": " + Integer.toOctalString(type);
  }
}
