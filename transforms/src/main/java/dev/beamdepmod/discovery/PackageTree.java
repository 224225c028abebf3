package dev.beamdepmod.discovery;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One kernel's module directory as its packages hold it: the relpaths of its module files, in the
 * order they were first seen (package order, then archive order), seen as a directory tree whose
 * every directory lists its entries in that order. {@link TreeWalker#walkPackage} walks it with the
 * rules of a directory on disk. Package files have no useful mtime: stat gives 0.
 */
public final class PackageTree implements DirectorySource {
  private final String dirname;
  private final Node root = new Node("", true);

  /** @param dirname the kernel's input directory string as depmod would build it for the unpacked tree */
  public PackageTree(String dirname) {
    this.dirname = dirname;
  }

  public String dirname() {
    return dirname;
  }

  /** Adds a regular file (a path below dirname, without leading '/'); a path already added is ignored. */
  public void add(String relpath) {
    Node dir = root;
    String[] components = relpath.split("/");
    for (int i = 0; i < components.length - 1; i++) {
      dir = dir.dir(components[i]);
    }
    dir.file(components[components.length - 1]);
  }

  @Override
  public Listing open(String path) throws IOException {
    Node node = find(path);
    if (node == null || !node.directory) {
      throw missing(path);
    }
    return node.listing();
  }

  @Override
  public Stat stat(String path) throws IOException {
    Node node = find(path);
    if (node == null) {
      throw missing(path);
    }
    return node.stat();
  }

  /** The directory node the path names, else its file node, else null. */
  private Node find(String path) {
    if (path.equals(dirname)) {
      return root;
    }
    String relpath = ModuleFiles.relpath(path, dirname);
    if (relpath == null) {
      return null;
    }
    String[] components = relpath.split("/");
    Node dir = root;
    for (int i = 0; i < components.length - 1 && dir != null; i++) {
      dir = dir.dirs.get(components[i]);
    }
    if (dir == null) {
      return null;
    }
    String last = components[components.length - 1];
    Node sub = dir.dirs.get(last);
    return sub != null ? sub : dir.files.get(last);
  }

  private static IOException missing(String path) {
    // the form Errno reads as ENOENT
    return new FileNotFoundException(path + " (No such file or directory)");
  }

  /**
   * A directory (its entries in first-seen order) or a file. A name that is both (a hostile package
   * may hold {@code a.ko} and {@code a.ko/b.ko}) is listed twice, once as each.
   */
  private static final class Node implements Entry {
    final String name;
    final boolean directory;
    final List<Node> entries = new ArrayList<>();
    final Map<String, Node> dirs = new HashMap<>();
    final Map<String, Node> files = new HashMap<>();

    Node(String name, boolean directory) {
      this.name = name;
      this.directory = directory;
    }

    Node dir(String name) {
      return dirs.computeIfAbsent(name, n -> entry(n, true));
    }

    void file(String name) {
      files.computeIfAbsent(name, n -> entry(n, false));
    }

    private Node entry(String name, boolean directory) {
      Node entry = new Node(name, directory);
      entries.add(entry);
      return entry;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public int listedType() {
      return stat().type();
    }

    @Override
    public Stat stat() {
      return new Stat(directory ? Stat.S_IFDIR : Stat.S_IFREG, 0);
    }

    @Override
    public Listing open() throws IOException {
      if (!directory) {
        throw new IOException("Not a directory");
      }
      return listing();
    }

    Listing listing() {
      return new Listing() {
        @Override
        public Iterator<Entry> iterator() {
          return List.<Entry>copyOf(entries).iterator();
        }

        @Override
        public void close() {}
      };
    }
  }
}
