package dev.beamdepmod.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the kernel module trees of a package into memory (only their files; the rest is streamed past). */
public final class KernelTrees {
  /**
   * @param trees one per module directory and version, in the order they first appear
   * @param messages the entries skipped, one line each, in archive order ("build" and "source"
   *     links in a module tree, which every kernel build leaves, are not mentioned)
   */
  public record KernelPackage(String name, List<KernelTree> trees, List<String> messages) {}

  /** The largest array the JVM allocates. */
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  private KernelTrees() {}

  public static KernelPackage read(String packageName, InputStream in) throws IOException {
    return read(packageName, in, ArchiveLimits.DEFAULT);
  }

  public static KernelPackage read(String packageName, InputStream in, ArchiveLimits limits) throws IOException {
    Map<String, KernelTree> trees = new LinkedHashMap<>();
    List<String> messages = new ArrayList<>();
    PackageReader.entries(packageName, in, limits, new EntryVisitor() {
      @Override
      public void file(String path, long size, InputStream content) throws IOException {
        ModuleTreePath where = ModuleTreePath.of(path);
        if (where == null) {
          return;
        }
        if (size > MAX_ARRAY) {
          throw new PackageFormatException(packageName, path, "a file of " + size + " bytes cannot be held in memory");
        }
        trees.computeIfAbsent(where.moddir() + "/" + where.version(), k -> new KernelTree(where.moddir(), where.version()))
            .add(where.relpath(), content.readNBytes((int) size));
      }

      @Override
      public void skipped(SkippedEntry entry) {
        if (!isBuildLink(entry)) {
          messages.add(entry.message());
        }
      }
    });
    return new KernelPackage(packageName, List.copyOf(trees.values()), List.copyOf(messages));
  }

  private static boolean isBuildLink(SkippedEntry entry) {
    if (entry.kind() != SkippedEntry.Kind.LINK) {
      return false;
    }
    ModuleTreePath where = ModuleTreePath.of(entry.path());
    return where != null && (where.relpath().equals("build") || where.relpath().equals("source"));
  }
}
