package dev.beamdepmod.discovery;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.Assert.assertEquals;

import dev.beamdepmod.config.ConfigFile;
import dev.beamdepmod.config.DepmodConfig;
import java.util.List;
import org.junit.Test;

/**
 * The duplicate-module decisions of docs/depmod-rules.md §5.7/§14.2, replayed through the collector in
 * the oracle's walk order. Every expected winner was produced by the oracle on a real tree with the
 * same readdir order (top: weird, extra, kernel, updates; inside updates: dup.ko, sub; externals
 * walked last-configured first).
 */
public class ModulePriorityTest {
  private static final String DIR = "/r/lib/modules/1.0";
  private static final List<String> WALK =
      List.of(
          DIR + "/weird/dup.ko",
          DIR + "/extra/dup.ko",
          DIR + "/kernel/drivers/dup.ko",
          DIR + "/updates/dup.ko",
          DIR + "/updates/sub/dup.ko");

  private static String winner(String config, List<String> walk) {
    DepmodConfig c =
        DepmodConfig.parse("1.0", List.of(ConfigFile.of("./pc.conf", config.getBytes(ISO_8859_1))));
    ModuleCollector collector = new ModuleCollector(c, DIR);
    walk.forEach(collector::offer);
    List<DiscoveredModule> modules = collector.modules();
    assertEquals(1, modules.size());
    return modules.get(0).path().replace(DIR + "/", "");
  }

  private static String winner(String config) {
    return winner(config, WALK);
  }

  @Test
  public void searchAndOverrideTableOfSection14() {
    assertEquals("updates/sub/dup.ko", winner(""));
    assertEquals("updates/sub/dup.ko", winner("search updates\n"));
    assertEquals("extra/dup.ko", winner("search extra\n"));
    assertEquals("extra/dup.ko", winner("search extra built-in\n"));
    assertEquals("weird/dup.ko", winner("search built-in extra\n"));
    assertEquals("weird/dup.ko", winner("search weird extra built-in updates\n"));
    assertEquals("extra/dup.ko", winner("override dup * extra\n"));
    assertEquals("updates/sub/dup.ko", winner("override dup 2.0 weird\n"));
    assertEquals("extra/dup.ko", winner("override dup * weird\noverride dup * extra\n"));
  }

  @Test
  public void excludedDirectoriesAreNotWalkedSoTheyCannotWin() {
    DepmodConfig c =
        DepmodConfig.parse(
            "1.0", List.of(ConfigFile.of("x", "exclude updates weird\n".getBytes(ISO_8859_1))));
    List<String> walked =
        WALK.stream()
            .filter(p -> TreeWalker.mayKeep(c, p.substring(DIR.length() + 1)))
            .toList();
    assertEquals("extra/dup.ko", winner("exclude updates weird\n", walked));
  }

  @Test
  public void externalDirectoriesGetConsecutiveNumbersFirstConfiguredHighest() {
    String externals = "external * /p/e1\nexternal * /p/e2\n";
    // the externals list is [/p/e2, /p/e1], walked in that order after the main tree
    List<String> walk =
        List.of(
            WALK.get(0), WALK.get(1), WALK.get(2), WALK.get(3), WALK.get(4),
            "/p/e2/dup.ko", "/p/e1/dup.ko");
    assertEquals("/p/e1/dup.ko", winner(externals + "search external\n", walk));
    assertEquals("/p/e1/dup.ko", winner(externals + "search external extra\n", walk));
    assertEquals("extra/dup.ko", winner(externals + "search extra external\n", walk));
    List<String> walk1 = List.of(WALK.get(0), WALK.get(1), WALK.get(2), WALK.get(3), WALK.get(4), "/p/e1/dup.ko");
    assertEquals("updates/sub/dup.ko", winner("external * /p/e1\n", walk1));
    assertEquals("weird/dup.ko", winner("external * /p/e1\nsearch built-in external\n", walk1));
    assertEquals("/p/e1/dup.ko", winner("external * /p/e1\nsearch external built-in\n", walk1));
  }

  /** Oracle: an external directory named like dirname plus "xextra" counts as "extra" for search. */
  @Test
  public void relativePathOnlyChecksTheDirnamePrefixAndSkipsOneByte() {
    List<String> walk = List.of(DIR + "/kernel/dummy.ko", DIR + "xextra/dummy.ko");
    String ext = "external * " + DIR + "xextra\n";
    assertEquals(DIR + "xextra/dummy.ko", winner("search extra\n" + ext, walk));
    assertEquals("kernel/dummy.ko", winner(ext, walk));
  }

  @Test
  public void overridesCompareRawFileStems() {
    List<String> walk = List.of(DIR + "/kernel/my-mod.ko", DIR + "/extra/my-mod.ko.xz");
    assertEquals("kernel/my-mod.ko", winner("override my_mod * extra\n", walk));
    assertEquals("extra/my-mod.ko.xz", winner("override my-mod * extra\n", walk));
    // the override names the old one: it stays even under a higher search entry
    assertEquals("kernel/my-mod.ko", winner("search extra\noverride my-mod * kernel\n", walk));
  }

  @Test
  public void sameDirectoryDuplicates() {
    // equal priority outside search entries: the first found stays
    assertEquals("kernel/x.ko", winner("", List.of(DIR + "/kernel/x.ko", DIR + "/kernel/x.ko.xz")));
    assertEquals("kernel/a_b.ko", winner("", List.of(DIR + "/kernel/a_b.ko", DIR + "/kernel/a-b.ko")));
    // both under the same search entry: the later one wins
    assertEquals(
        "updates/x.ko.xz", winner("", List.of(DIR + "/updates/x.ko", DIR + "/updates/x.ko.xz")));
  }

  @Test
  public void searchEntryWithTrailingSlashNeverMatches() {
    assertEquals("weird/dup.ko", winner("search extra/ built-in\n"));
  }

  @Test
  public void nonModulesAreIgnoredAndNamesKeepFirstFoundOrder() {
    DepmodConfig c = DepmodConfig.defaults();
    ModuleCollector collector = new ModuleCollector(c, DIR);
    collector.offer(DIR + "/kernel/b.ko");
    collector.offer(DIR + "/kernel/readme.txt");
    collector.offer(DIR + "/kernel/.ko");
    collector.offer(DIR + "/kernel/a.ko");
    collector.offer(DIR + "/updates/b.ko");
    collector.offer("/ext/c.ko.gz");
    assertEquals(
        List.of(
            new DiscoveredModule(DIR + "/updates/b.ko", "updates/b.ko", "b"),
            new DiscoveredModule(DIR + "/kernel/a.ko", "kernel/a.ko", "a"),
            new DiscoveredModule("/ext/c.ko.gz", null, "c")),
        collector.modules());
  }
}
