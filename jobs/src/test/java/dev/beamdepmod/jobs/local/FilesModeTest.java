package dev.beamdepmod.jobs.local;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import dev.beamdepmod.config.DepmodFatal;
import dev.beamdepmod.discovery.DiscoveredModule;
import dev.beamdepmod.discovery.FilesMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Files mode (docs/depmod-rules.md §5.8); the message texts are the oracle's for the same arguments. */
public class FilesModeTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private String dirname;
  private final List<String> messages = new ArrayList<>();

  @Before
  public void setUp() throws Exception {
    TempTree tree = new TempTree(tmp.getRoot().toPath());
    dirname = tmp.getRoot().getPath() + "/lib/modules/1.0";
    tree.file("lib/modules/1.0/kernel/dummy.ko");
    tree.file("lib/modules/1.0/extra/dummy.ko");
    tree.file("lib/modules/1.0/kernel/other-mod.ko.xz");
    tree.file("outside/noext");
  }

  private List<DiscoveredModule> run(String... files) throws DepmodFatal {
    return FilesMode.modules(new LocalDirectory(new LocalFs("/")), List.of(files), dirname, m -> messages.add(m.line()));
  }

  private String fatal(String... files) {
    try {
      run(files);
      fail();
      return null;
    } catch (DepmodFatal e) {
      return e.message().line();
    }
  }

  @Test
  public void anyExistingPathIsAModule() throws Exception {
    String outside = tmp.getRoot().getPath() + "/outside/noext";
    assertEquals(
        List.of(
            new DiscoveredModule(dirname + "/kernel/other-mod.ko.xz", "kernel/other-mod.ko.xz", "other_mod"),
            new DiscoveredModule(outside, null, "noext"),
            new DiscoveredModule(dirname + "/kernel", "kernel", "kernel")),
        run(dirname + "/kernel/other-mod.ko.xz", outside, dirname + "/kernel"));
    assertEquals(List.of(), messages);
  }

  @Test
  public void relativeArgument() {
    assertEquals(
        "depmod: FATAL: kernel/dummy.ko: not absolute path.",
        fatal(dirname + "/kernel/dummy.ko", "kernel/dummy.ko"));
  }

  @Test
  public void missingFile() {
    assertEquals(
        "depmod: FATAL: could not create module /nonexist/x.ko: No such file or directory",
        fatal("/nonexist/x.ko"));
  }

  @Test
  public void sameNameDifferentPath() {
    String a = dirname + "/kernel/dummy.ko";
    String b = dirname + "//kernel/dummy.ko";
    assertEquals("depmod: FATAL: could not create module " + b + ": File exists", fatal(a, b));
    assertEquals(
        List.of(
            "depmod: ERROR: kmod_module 'dummy' already exists with different path: new-path='"
                + b + "' old-path='" + a + "'"),
        messages);
  }

  @Test
  public void samePathTwice() {
    String a = dirname + "/kernel/dummy.ko";
    assertEquals("depmod: FATAL: could not add module " + a + ": File exists", fatal(a, a));
    assertEquals(List.of("depmod: ERROR: hash_add_unique dummy: File exists"), messages);
  }
}
