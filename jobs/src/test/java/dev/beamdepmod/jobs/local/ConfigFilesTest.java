package dev.beamdepmod.jobs.local;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.junit.Assert.assertEquals;

import dev.beamdepmod.config.ConfigFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Listing of -C paths. Same layout as an oracle run (kmod 34.2 depmod -vv -C ./d1 -C ./d2 -C
 * ./d3/z -C /nonexist -C d3/c.conf), whose messages and parse order this reproduces; listing
 * messages follow readdir order, so they are compared as a set.
 */
public class ConfigFilesTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private TempTree tree;
  private LocalFs fs;
  private final List<String> messages = new ArrayList<>();

  @Before
  public void setUp() throws Exception {
    tree = new TempTree(tmp.getRoot().toPath());
    fs = new LocalFs(tmp.getRoot().getPath());
    tree.file("d1/a.conf", "bogus1\n");
    tree.file("d1/.hidden");
    tree.file("d1/.conf");
    tree.file("d1/x.cnf");
    tree.file("d1/a.conf~");
    tree.symlink("d1/dang.conf", "nowhere");
    tree.dir("d1/sub.conf");
    tree.file("d2/a.conf", "bogus2\n");
    tree.file("d2/b.conf", "bogus2b\n");
    tree.file("d3/z", "bogus3\n");
    tree.file("d3/c.conf", "bogusC\n");
  }

  private List<String> paths(List<ConfigFile> files) {
    List<String> out = new ArrayList<>();
    for (ConfigFile f : files) {
      out.add(f.path() + "=" + new String(f.content(), ISO_8859_1).trim());
    }
    return out;
  }

  @Test
  public void listsSortsShadowsAndReports() {
    List<ConfigFile> files =
        ConfigFiles.load(
            fs, List.of("./d1", "./d2", "./d3/z", "/nonexist", "d3/c.conf"), m -> messages.add(m.line()));
    assertEquals(
        List.of("./d1/a.conf=bogus1", "./d2/b.conf=bogus2b", "d3/c.conf=bogusC", "./d3/z=bogus3"),
        paths(files));
    assertThat(
        messages,
        containsInAnyOrder(
            "depmod: INFO: All cfg files need .conf: ./d1/x.cnf",
            "depmod: ERROR: Directories inside directories are not supported: ./d1/sub.conf",
            "depmod: ERROR: Cannot stat directory entry: ./d1dang.conf",
            "depmod: INFO: All cfg files need .conf: ./d1/a.conf~"));
  }

  @Test
  public void trailingSlashAndAbsolutePathsAreKeptAsWritten() {
    String abs = tmp.getRoot().getPath() + "/d2";
    List<ConfigFile> files = ConfigFiles.load(fs, List.of("d2/", abs), m -> messages.add(m.line()));
    assertEquals(List.of("d2//a.conf=bogus2", "d2//b.conf=bogus2b"), paths(files));
    assertEquals(List.of(), messages);
  }

  /** kmod 34.2 crashes on a -C file path without '/'; the name is then the whole path here. */
  @Test
  public void plainFileNameWithoutSlash() {
    List<ConfigFile> files = ConfigFiles.load(new LocalFs(tmp.getRoot().getPath() + "/d3"), List.of("c.conf", "z/"), m -> messages.add(m.line()));
    assertEquals(List.of("c.conf=bogusC"), paths(files));
  }

  @Test
  public void emptyAndMissingPathsAreSkippedSilently() {
    assertEquals(List.of(), ConfigFiles.load(fs, List.of("", "nope", "d3/c.conf/"), m -> messages.add(m.line())));
    assertEquals(List.of(), messages);
  }
}
