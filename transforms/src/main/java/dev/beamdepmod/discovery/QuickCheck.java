package dev.beamdepmod.discovery;

import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.discovery.DirectorySource.Entry;
import dev.beamdepmod.discovery.DirectorySource.Listing;
import dev.beamdepmod.discovery.DirectorySource.Stat;
import dev.beamdepmod.module.Errno;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * depmod -A: is modules.dep in the input directory at least as new (whole seconds) as every module
 * file below it? Excludes and external directories are not looked at.
 *
 * <p>depmod builds the paths it prints in one fixed buffer, and "unsupported file type" prints that
 * buffer without the current entry's name: the directory path followed by whatever name an earlier
 * entry of this directory (or below it) left there. {@link PathBuffer} reproduces that.
 */
public final class QuickCheck {
  private static final int PATH_MAX = 4096;
  private static final int NAME_MAX = 255;

  private final long depMtime;
  private final Consumer<DepmodMessage> log;
  private final PathBuffer path = new PathBuffer();

  private QuickCheck(long depMtime, Consumer<DepmodMessage> log) {
    this.depMtime = depMtime;
    this.log = log;
  }

  /** @return true when depmod would stop here with status 0; false when it must do a full run */
  public static boolean isUpToDate(DirectorySource source, String dirname, Consumer<DepmodMessage> log) {
    try (Listing entries = source.open(dirname)) {
      long depMtime;
      try {
        depMtime = source.stat(dirname + "/modules.dep").mtime();
      } catch (IOException e) {
        log.accept(
            DepmodMessage.error(
                "could not fstatat(" + dirname + ", modules.dep): " + Errno.strerror(e)));
        return false;
      }
      QuickCheck check = new QuickCheck(depMtime, log);
      check.path.put(0, dirname + "/");
      return check.upToDate(entries, dirname.length() + 1, 0);
    } catch (IOException e) {
      log.accept(couldNotOpen(dirname, e));
      return false;
    }
  }

  private static DepmodMessage couldNotOpen(String dirname, IOException e) {
    return DepmodMessage.error("could not open directory " + dirname + ": " + Errno.strerror(e));
  }

  /** @param base length of the directory path (with its final '/') in the buffer */
  private boolean upToDate(Listing entries, int base, int depth) {
    int fd = TreeWalker.FIRST_FD + depth;
    boolean upToDate = true;
    for (Entry entry : entries) {
      String name = entry.name();
      if (ModuleFiles.isAlwaysSkipped(name)) {
        continue;
      }
      if (base + name.length() + 2 >= PATH_MAX) {
        path.terminate(base);
        log.accept(DepmodMessage.error("path is too long " + path + name));
        continue;
      }
      Stat st;
      try {
        st = entry.stat();
      } catch (IOException e) {
        log.accept(
            DepmodMessage.error("fstatat(" + fd + ", " + name + "): " + Errno.strerror(e)));
        continue;
      }
      if (st.type() == Stat.S_IFDIR) {
        path.put(base, name);
        if (base + name.length() + 2 + NAME_MAX >= PATH_MAX) {
          log.accept(DepmodMessage.error("directory path is too long " + path));
          continue;
        }
        try (Listing sub = entry.open()) {
          path.put(base + name.length(), "/");
          upToDate = upToDate(sub, base + name.length() + 1, depth + 1);
        } catch (IOException e) {
          log.accept(
              DepmodMessage.error(
                  "openat(" + fd + ", " + name + ", O_RDONLY): " + Errno.strerror(e)));
          continue;
        }
      } else if (st.type() == Stat.S_IFREG) {
        if (!ModuleFiles.hasModuleExtension(name)) {
          continue;
        }
        path.put(base, name);
        upToDate = st.mtime() <= depMtime;
      } else {
        log.accept(DepmodMessage.error(TreeWalker.unsupportedType(path.toString(), st.type())));
        continue;
      }
      if (!upToDate) {
        break;
      }
    }
    return upToDate;
  }

  /** A NUL-terminated char buffer written in place, like depmod's path buffer. */
  private static final class PathBuffer {
    private final char[] buf = new char[PATH_MAX + 1];

    /** Writes s at offset, followed by a NUL. */
    void put(int offset, String s) {
      s.getChars(0, s.length(), buf, offset);
      buf[offset + s.length()] = '\0';
    }

    void terminate(int offset) {
      buf[offset] = '\0';
    }

    @Override
    public String toString() {
      int end = 0;
      while (buf[end] != '\0') {
        end++;
      }
      return new String(buf, 0, end);
    }
  }
}
