package dev.beamdepmod.discovery;

import dev.beamdepmod.config.DepmodConfig;
import dev.beamdepmod.config.DepmodFatal;
import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.discovery.DirectorySource.Entry;
import dev.beamdepmod.discovery.DirectorySource.Listing;
import dev.beamdepmod.discovery.DirectorySource.Stat;
import dev.beamdepmod.module.Errno;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The "all"-mode walk of the module directory and then the external directories, in the order the
 * source lists directory entries (readdir order on disk), keeping one file per module name
 * (docs/depmod-rules.md §5).
 *
 * <p>Messages that name a directory file descriptor print 3 + depth: depmod opens the top
 * directory as the lowest free descriptor (3 in a process started with only 0-2 open) and each
 * subdirectory as the next one, closing it when done.
 */
public final class TreeWalker {
  static final int FIRST_FD = 3;

  private final DepmodConfig config;
  private final Consumer<DepmodMessage> log;
  private final ModuleCollector collector;

  private TreeWalker(DepmodConfig config, String dirname, Consumer<DepmodMessage> log) {
    this.config = config;
    this.log = log;
    this.collector = new ModuleCollector(config, dirname);
  }

  /**
   * @param cwd the directory relative external directories are taken from
   * @return the modules kept, one per name
   */
  public static List<DiscoveredModule> walk(
      DirectorySource source, String cwd, DepmodConfig config, String dirname, Consumer<DepmodMessage> log)
      throws DepmodFatal {
    DepmodConfig absolute = config.withAbsoluteExternals(cwd);
    TreeWalker walker = new TreeWalker(absolute, dirname, log);
    String error = walker.walkRoot(source, dirname, dirname);
    if (error != null) {
      throw new DepmodFatal("could not search modules: " + error);
    }
    for (int i = 0; i < config.externals().size(); i++) {
      // failures are reported and ignored
      walker.walkRoot(source, config.externals().get(i), absolute.externals().get(i));
    }
    return walker.collector.modules();
  }

  /**
   * The walk of a kernel's module directory inside its packages. External directories are not in
   * the packages and are not walked (their priorities still count); nothing can fail.
   */
  public static List<DiscoveredModule> walkPackage(PackageTree tree, DepmodConfig config) {
    TreeWalker walker = new TreeWalker(config, tree.dirname(), message -> {});
    walker.walkRoot(tree, tree.dirname(), tree.dirname());
    return walker.collector.modules();
  }

  /**
   * Whether the walk can keep a file at this path below the module directory: no component is
   * skipped and it has a module extension. Lets a package reader leave the rest unread.
   */
  public static boolean mayKeep(DepmodConfig config, String relpath) {
    for (String component : relpath.split("/")) {
      if (ModuleFiles.isSkipped(config, component)) {
        return false;
      }
    }
    return ModuleFiles.isModuleFile(relpath);
  }

  /**
   * @param dir the directory as depmod opens and reports it
   * @param pathBase what depmod builds the paths of its entries from
   * @return null, or the strerror text when the directory could not be opened
   */
  private String walkRoot(DirectorySource source, String dir, String pathBase) {
    try (Listing entries = source.open(dir)) {
      walkDir(entries, pathBase + "/", 0);
      return null;
    } catch (IOException e) {
      String error = Errno.strerror(e);
      log.accept(DepmodMessage.error("could not open directory " + dir + ": " + error));
      return error;
    }
  }

  private void walkDir(Listing entries, String prefix, int depth) {
    for (Entry entry : entries) {
      String name = entry.name();
      if (ModuleFiles.isSkipped(config, name)) {
        continue;
      }
      String path = prefix + name;
      int type = entry.listedType();
      if (type != Stat.S_IFREG && type != Stat.S_IFDIR) {
        try {
          type = entry.stat().type();
        } catch (IOException e) {
          log.accept(DepmodMessage.error(
              "fstatat(" + (FIRST_FD + depth) + ", " + name + "): " + Errno.strerror(e)));
          continue;
        }
        if (type != Stat.S_IFREG && type != Stat.S_IFDIR) {
          log.accept(DepmodMessage.error(unsupportedType(path, type)));
          continue;
        }
      }
      if (type == Stat.S_IFREG) {
        collector.offer(path);
        continue;
      }
      try (Listing sub = entry.open()) {
        walkDir(sub, path + "/", depth + 1);
      } catch (IOException e) {
        log.accept(
            DepmodMessage.error(
                "openat(" + (FIRST_FD + depth) + ", " + name + ", O_RDONLY): "
                    + Errno.strerror(e)));
      }
    }
  }

  static String unsupportedType(String path, int type) {
    return "unsupported file type " + path + ": " + Integer.toOctalString(type);
  }
}
