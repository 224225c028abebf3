package dev.beamdepmod.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The module files of a kernel module directory, found as depmod's walk finds them (docs/depmod-rules.md §5.1–5.4):
 * symlinks followed, entries named build or source skipped at any depth, names ending in a module
 * extension and longer than it. Sorted by path, so runs are repeatable.
 */
final class KernelTree {
  private static final String[] EXTENSIONS = {".ko", ".ko.xz", ".ko.zst", ".ko.gz"};

  private KernelTree() {}

  static List<Path> moduleFiles(Path dirname) throws IOException {
    List<Path> files = new ArrayList<>();
    walk(dirname, files);
    files.sort(null);
    return files;
  }

  private static void walk(Path dir, List<Path> files) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.equals("build") || name.equals("source")) {
          continue;
        }
        if (Files.isDirectory(entry)) {
          walk(entry, files);
        } else if (Files.isRegularFile(entry) && isModuleName(name)) {
          files.add(entry);
        }
      }
    }
  }

  private static boolean isModuleName(String name) {
    for (String extension : EXTENSIONS) {
      if (name.length() > extension.length() && name.endsWith(extension)) {
        return true;
      }
    }
    return false;
  }
}
