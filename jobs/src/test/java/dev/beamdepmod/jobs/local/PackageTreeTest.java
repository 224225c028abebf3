package dev.beamdepmod.jobs.local;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.Assert.assertEquals;

import dev.beamdepmod.config.ConfigFile;
import dev.beamdepmod.config.DepmodConfig;
import dev.beamdepmod.discovery.DirectorySource;
import dev.beamdepmod.discovery.DirectorySource.Entry;
import dev.beamdepmod.discovery.DirectorySource.Listing;
import dev.beamdepmod.discovery.DiscoveredModule;
import dev.beamdepmod.discovery.PackageTree;
import dev.beamdepmod.discovery.TreeWalker;
import dev.beamdepmod.module.Errno;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A kernel's module files inside packages, walked as a {@link PackageTree}, give what the same files
 * give as a directory on disk: the same kept modules in the same order.
 */
public class PackageTreeTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private static final String CONFIG =
      "exclude weird\nsearch extra built-in updates\noverride dup2 * kernel\n";

  private static DepmodConfig config() {
    return DepmodConfig.parse("1.0", List.of(ConfigFile.of("t.conf", CONFIG.getBytes(ISO_8859_1))));
  }

  /** Every regular file below dir, as relpaths, in the order a walk of the directory meets them. */
  private static void files(Listing listing, String prefix, List<String> out) throws IOException {
    for (Entry e : listing) {
      if (e.stat().type() == DirectorySource.Stat.S_IFDIR) {
        try (Listing sub = e.open()) {
          files(sub, prefix + e.name() + "/", out);
        }
      } else {
        out.add(prefix + e.name());
      }
    }
  }

  @Test
  public void aPackageTreeKeepsWhatTheSameDirectoryKeeps() throws Exception {
    TempTree tree = new TempTree(tmp.getRoot().toPath());
    String m = "lib/modules/1.0/";
    for (String rel : List.of(
        "kernel/drivers/a.ko.xz", "kernel/drivers/net/b.ko", "kernel/fs/dup.ko", "extra/dup.ko",
        "updates/dup.ko.zst", "weird/c.ko", "kernel/weird/d.ko", "build/e.ko", "kernel/source/f.ko",
        "kernel/readme.txt", "kernel/.ko", "updates/sub/g.ko.gz", "kernel/dup2.ko", "extra/dup2.ko",
        "modules.order")) {
      tree.file(m + rel);
    }
    String dirname = tmp.getRoot().getPath() + "/lib/modules/1.0";
    LocalDirectory disk = new LocalDirectory(new LocalFs("/"));
    List<String> relpaths = new ArrayList<>();
    try (Listing top = disk.open(dirname)) {
      files(top, "", relpaths);
    }
    PackageTree packaged = new PackageTree(dirname);
    relpaths.forEach(packaged::add);

    List<DiscoveredModule> fromDisk = TreeWalker.walk(disk, "/", config(), dirname, message -> {});
    assertEquals(fromDisk, TreeWalker.walkPackage(packaged, config()));
    List<String> kept = new ArrayList<>();
    for (DiscoveredModule d : fromDisk) kept.add(d.relpath());
    kept.sort(null);
    assertEquals(
        List.of("extra/dup.ko", "kernel/drivers/a.ko.xz", "kernel/drivers/net/b.ko", "kernel/dup2.ko",
            "updates/sub/g.ko.gz"),
        kept);
  }

  /** Each directory lists its entries in the order they were first seen, so one directory is walked at a time. */
  @Test
  public void entriesAreListedInFirstSeenOrder() {
    PackageTree packaged = new PackageTree("/lib/modules/1.0");
    for (String rel : List.of("kernel/b/x.ko", "extra/y.ko", "kernel/a/z.ko", "kernel/b/w.ko", "kernel/b/x.ko")) {
      packaged.add(rel);
    }
    List<String> walked = new ArrayList<>();
    for (DiscoveredModule d : TreeWalker.walkPackage(packaged, DepmodConfig.defaults())) walked.add(d.relpath());
    assertEquals(List.of("kernel/b/x.ko", "kernel/b/w.ko", "kernel/a/z.ko", "extra/y.ko"), walked);
  }

  @Test
  public void pathsOutsideTheTreeAreMissing() throws IOException {
    PackageTree packaged = new PackageTree("/lib/modules/1.0");
    packaged.add("kernel/a.ko");
    assertEquals(DirectorySource.Stat.S_IFREG, packaged.stat("/lib/modules/1.0/kernel/a.ko").type());
    assertEquals(DirectorySource.Stat.S_IFDIR, packaged.stat("/lib/modules/1.0/kernel").type());
    for (String path : List.of("/lib/modules/1.0/kernel/b.ko", "/lib/modules/1.0x", "/ext", "/lib/modules/1.0/kernel/a.ko/x")) {
      try {
        packaged.stat(path);
        throw new AssertionError(path);
      } catch (IOException e) {
        assertEquals(path, Errno.ENOENT.text(), Errno.strerror(e));
      }
    }
  }
}
