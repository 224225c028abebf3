package dev.beamdepmod.jobs.local;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.beamdepmod.discovery.QuickCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** depmod -A; messages as the oracle prints them for the same situations. */
public class QuickCheckTest {
  private static final long T = 1_600_000_000L;

  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private TempTree tree;
  private String dirname;
  private final List<String> messages = new ArrayList<>();

  @Before
  public void setUp() throws Exception {
    tree = new TempTree(tmp.getRoot().toPath());
    dirname = tmp.getRoot().getPath() + "/lib/modules/1.0";
  }

  private boolean check() {
    return QuickCheck.isUpToDate(new LocalDirectory(new LocalFs("/")), dirname, m -> messages.add(m.line()));
  }

  private Path modulesDep(long second, int millis) throws Exception {
    Path p = tree.file("lib/modules/1.0/modules.dep");
    TempTree.mtime(p, second, millis);
    return p;
  }

  private Path module(String rel, long second, int millis) throws Exception {
    Path p = tree.file("lib/modules/1.0/" + rel);
    TempTree.mtime(p, second, millis);
    return p;
  }

  @Test
  public void missingDirectoryIsOutdated() {
    assertFalse(check());
    assertEquals(
        List.of("depmod: ERROR: could not open directory " + dirname + ": No such file or directory"),
        messages);
  }

  @Test
  public void missingModulesDepIsOutdated() throws Exception {
    module("kernel/a.ko", T, 0);
    assertFalse(check());
    assertEquals(
        List.of(
            "depmod: ERROR: could not fstatat("
                + dirname
                + ", modules.dep): No such file or directory"),
        messages);
  }

  @Test
  public void comparesWholeSeconds() throws Exception {
    modulesDep(T, 100);
    Path a = module("kernel/sub/a.ko.xz", T - 10, 0);
    assertTrue(check());
    TempTree.mtime(a, T, 900); // same second, later fraction: still up to date
    assertTrue(check());
    TempTree.mtime(a, T + 1, 0);
    assertFalse(check());
    assertEquals(List.of(), messages);
  }

  @Test
  public void onlyModuleFilesCountAndBuildSourceAreSkipped() throws Exception {
    modulesDep(T, 0);
    module("kernel/readme.txt", T + 100, 0);
    module("kernel/.ko", T + 100, 0);
    module("build/a.ko", T + 100, 0);
    module("kernel/source/a.ko", T + 100, 0);
    assertTrue(check());
    module("weird/e.ko.gz", T + 100, 0); // no excludes here, and .ko.gz is a module
    assertFalse(check());
  }

  @Test
  public void symlinksAreFollowedAndDanglingOnesReported() throws Exception {
    modulesDep(T, 0);
    Path target = tree.file("elsewhere/new.bin");
    TempTree.mtime(target, T + 5, 0);
    tree.symlink("lib/modules/1.0/kernel/dangle", "nowhere");
    assertTrue(check());
    assertEquals(
        List.of("depmod: ERROR: fstatat(4, dangle): No such file or directory"), messages);
    tree.symlink("lib/modules/1.0/kernel/new.ko", target.toString());
    assertFalse(check());
  }

  /**
   * Oracle: "unsupported file type <dir>/kernel/sub/: 10000" — the printed path lacks the entry's
   * name and shows whatever an earlier entry of the directory left in depmod's buffer.
   */
  @Test
  public void unsupportedTypeShowsTheStalePathBuffer() throws Exception {
    modulesDep(T, 0);
    tree.fifo("lib/modules/1.0/kernel/sub/fifo.ko");
    assertTrue(check());
    assertEquals(
        List.of("depmod: ERROR: unsupported file type " + dirname + "/kernel/sub/: 10000"),
        messages);

    messages.clear();
    module("s/x.ko", T - 1, 0);
    tree.fifo("lib/modules/1.0/s/fifo");
    assertTrue(check());
    boolean moduleFirst =
        TempTree.listing(tmp.getRoot().toPath().resolve("lib/modules/1.0/s")).get(0).equals("x.ko");
    String stale = moduleFirst ? "x.ko" : "";
    assertTrue(
        messages.toString(),
        messages.contains("depmod: ERROR: unsupported file type " + dirname + "/s/" + stale + ": 10000"));
  }

  @Test
  public void stopsAtTheFirstNewerModule() throws Exception {
    modulesDep(T, 0);
    module("a/new.ko", T + 1, 0);
    tree.symlink("lib/modules/1.0/a/zdangle", "nowhere");
    tree.symlink("lib/modules/1.0/a/adangle", "nowhere");
    assertFalse(check());
    // entries after the newer module are not looked at
    List<String> order = TempTree.listing(tmp.getRoot().toPath().resolve("lib/modules/1.0/a"));
    List<String> expected = new ArrayList<>();
    for (String name : order.subList(0, order.indexOf("new.ko"))) {
      expected.add("depmod: ERROR: fstatat(4, " + name + "): No such file or directory");
    }
    assertEquals(expected, messages);
  }

  /** Oracle: a directory whose path leaves no room for a 255-byte name is reported and skipped. */
  @Test
  public void directoryPathTooLong() throws Exception {
    modulesDep(T, 0);
    StringBuilder rel = new StringBuilder();
    // base (the parent's path with '/') + name + 2 + NAME_MAX must stay below PATH_MAX
    while (dirname.length() + rel.length() + 1 + 200 + 2 + 255 < 4096) {
      rel.append('/').append("d".repeat(200));
    }
    String child = rel + "/" + "e".repeat(200);
    module(child.substring(1) + "/new.ko", T + 1, 0); // would make it outdated if looked at
    assertTrue(check());
    assertEquals(1, messages.size());
    assertTrue(messages.get(0).equals("depmod: ERROR: directory path is too long " + dirname + child));
  }
}
