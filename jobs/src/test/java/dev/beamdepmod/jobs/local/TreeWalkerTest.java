package dev.beamdepmod.jobs.local;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import dev.beamdepmod.config.ConfigFile;
import dev.beamdepmod.config.DepmodConfig;
import dev.beamdepmod.config.DepmodFatal;
import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.discovery.DiscoveredModule;
import dev.beamdepmod.discovery.TreeWalker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The walk on a real temporary tree. Message texts follow the oracle's output for the same kinds of
 * entries (dangling and looping symlinks, FIFO, descriptor number 3 + depth); the order of messages
 * depends on readdir order, so they are compared as a set.
 */
public class TreeWalkerTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private TempTree tree;
  private String top;
  private String dirname;
  private final List<String> messages = new ArrayList<>();

  @Before
  public void setUp() {
    tree = new TempTree(tmp.getRoot().toPath());
    top = tmp.getRoot().getPath();
    dirname = top + "/lib/modules/1.0";
  }

  private List<DiscoveredModule> walk(String config) throws DepmodFatal {
    DepmodConfig c =
        DepmodConfig.parse("1.0", List.of(ConfigFile.of("t.conf", config.getBytes(ISO_8859_1))));
    List<DiscoveredModule> modules =
        new ArrayList<>(
            TreeWalker.walk(new LocalDirectory(new LocalFs(top)), top, c, dirname, m -> messages.add(m.line())));
    modules.sort(Comparator.comparing(DiscoveredModule::path));
    return modules;
  }

  @Test
  public void walksFollowsSymlinksSkipsNamesAndReportsOddEntries() throws Exception {
    String m = "lib/modules/1.0/";
    tree.file(m + "kernel/a.ko");
    tree.file(m + "kernel/sub/b.ko.xz");
    tree.file(m + "kernel/sub/deep/c-d.ko.zst");
    tree.file(m + "kernel/build/skipped1.ko");
    tree.file(m + "source/skipped2.ko");
    tree.file(m + "weird/skipped3.ko");
    tree.file(m + "kernel/readme.txt");
    tree.file(m + "kernel/.ko");
    tree.file(m + ".hidden.ko");
    tree.file(m + "gz/e.ko.gz");
    tree.file(m + "other/f.ko");
    tree.symlink(m + "linked", "other");
    tree.file(m + "target.bin");
    tree.symlink(m + "kernel/g.ko", "../target.bin");
    tree.symlink(m + "dangle0", "nowhere");
    tree.symlink(m + "kernel/dangle1", "nowhere");
    tree.symlink(m + "kernel/sub/deep/dangle3", "nowhere");
    tree.symlink(m + "kernel/loop1", "loop1");
    tree.fifo(m + "kernel/sub/fifo.ko");
    tree.socket(m + "sock");
    tree.file("ext/h.ko");
    tree.symlink("ext/dangleE", "nowhere");

    List<DiscoveredModule> modules =
        walk("exclude weird other\nexternal * " + top + "/ext\nexternal * /nonexistent-ext\n");

    assertEquals(
        List.of(
            new DiscoveredModule(top + "/ext/h.ko", null, "h"),
            new DiscoveredModule(dirname + "/.hidden.ko", ".hidden.ko", ""),
            new DiscoveredModule(dirname + "/gz/e.ko.gz", "gz/e.ko.gz", "e"),
            new DiscoveredModule(dirname + "/kernel/a.ko", "kernel/a.ko", "a"),
            new DiscoveredModule(dirname + "/kernel/g.ko", "kernel/g.ko", "g"),
            new DiscoveredModule(
                dirname + "/kernel/sub/b.ko.xz", "kernel/sub/b.ko.xz", "b"),
            new DiscoveredModule(
                dirname + "/kernel/sub/deep/c-d.ko.zst", "kernel/sub/deep/c-d.ko.zst", "c_d"),
            new DiscoveredModule(dirname + "/linked/f.ko", "linked/f.ko", "f")),
        modules);
    assertThat(
        messages,
        containsInAnyOrder(
            "depmod: ERROR: fstatat(3, dangle0): No such file or directory",
            "depmod: ERROR: fstatat(4, dangle1): No such file or directory",
            "depmod: ERROR: fstatat(6, dangle3): No such file or directory",
            "depmod: ERROR: fstatat(4, loop1): Too many levels of symbolic links",
            "depmod: ERROR: unsupported file type " + dirname + "/kernel/sub/fifo.ko: 10000",
            "depmod: ERROR: unsupported file type " + dirname + "/sock: 140000",
            "depmod: ERROR: could not open directory /nonexistent-ext: No such file or directory",
            "depmod: ERROR: fstatat(3, dangleE): No such file or directory"));
  }

  /** The external list is walked in its internal order (last configured first) after dirname. */
  @Test
  public void externalsAreWalkedAfterTheMainDirectoryLastConfiguredFirst() throws Exception {
    tree.dir("lib/modules/1.0");
    walk("external * /nonexistent-1\nexternal * /nonexistent-2\n");
    assertEquals(
        List.of(
            "depmod: ERROR: could not open directory /nonexistent-2: No such file or directory",
            "depmod: ERROR: could not open directory /nonexistent-1: No such file or directory"),
        messages);
  }

  @Test
  public void relativeExternalDirectoriesAreTakenFromCwd() throws Exception {
    tree.dir("lib/modules/1.0");
    tree.file("rel/x.ko");
    // Oracle: modules of a relative external directory get cwd + "/" + dir as their path prefix.
    assertEquals(List.of(new DiscoveredModule(top + "/rel/x.ko", null, "x")), walk("external * rel\n"));
  }

  @Test
  public void missingModuleDirectoryIsFatal() {
    try {
      walk("");
      fail();
    } catch (DepmodFatal e) {
      assertEquals(
          List.of(
              "depmod: ERROR: could not open directory " + dirname + ": No such file or directory"),
          messages);
      assertEquals(
          new DepmodMessage(
              DepmodMessage.Level.FATAL, "could not search modules: No such file or directory"),
          e.message());
    }
  }

  @Test
  public void pathsKeepTheDirnameSpelling() throws Exception {
    tree.file("lib/modules/1.0/kernel/a.ko");
    dirname = top + "/./lib//modules/1.0/";
    assertEquals(
        List.of(new DiscoveredModule(dirname + "/kernel/a.ko", "kernel/a.ko", "a")), walk(""));
  }
}
