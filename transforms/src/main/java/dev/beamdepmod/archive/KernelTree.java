package dev.beamdepmod.archive;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a package holds for one kernel: everything below {@code <moddir>/<version>/}. The
 * three files depmod reads besides the modules are kept apart; all other regular files, module or
 * not, are kept in archive order, which stands in for the directory order depmod would see.
 * Deciding which of them depmod takes as modules (extensions, "build" and "source", exclude
 * rules) is the caller's part.
 */
public final class KernelTree implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String MODULES_ORDER = "modules.order";
  public static final String MODULES_BUILTIN = "modules.builtin";
  public static final String MODULES_BUILTIN_MODINFO = "modules.builtin.modinfo";

  /**
   * A file of the tree.
   *
   * @param relpath path below the version directory (e.g. "kernel/fs/ext4/ext4.ko.xz")
   * @param bytes content as stored in the package (a .ko.xz stays compressed)
   */
  public record TreeFile(String relpath, byte[] bytes) implements Serializable {}

  private final String moddir;
  private final String version;
  private final List<TreeFile> files = new ArrayList<>();
  private final Map<String, byte[]> sideFiles = new HashMap<>();

  KernelTree(String moddir, String version) {
    this.moddir = moddir;
    this.version = version;
  }

  void add(String relpath, byte[] bytes) {
    if (relpath.equals(MODULES_ORDER) || relpath.equals(MODULES_BUILTIN) || relpath.equals(MODULES_BUILTIN_MODINFO)) {
      sideFiles.put(relpath, bytes);
    } else {
      files.add(new TreeFile(relpath, bytes));
    }
  }

  /** {@link ModuleTreePath#LIB_MODULES} or {@link ModuleTreePath#USR_LIB_MODULES}. */
  public String moddir() {
    return moddir;
  }

  public String version() {
    return version;
  }

  /** Regular files other than the side files, in archive order. */
  public List<TreeFile> files() {
    return Collections.unmodifiableList(files);
  }

  /**
   * @param name {@link #MODULES_ORDER}, {@link #MODULES_BUILTIN} or {@link #MODULES_BUILTIN_MODINFO}
   * @return its content, or null if the package has no such regular file in this tree
   */
  public byte[] sideFile(String name) {
    return sideFiles.get(name);
  }
}
