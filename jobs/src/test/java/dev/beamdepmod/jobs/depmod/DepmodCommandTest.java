package dev.beamdepmod.jobs.depmod;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.diagnostics.Console;
import dev.beamdepmod.discovery.DiscoveredModule;
import dev.beamdepmod.jobs.local.TempTree;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The whole command up to the kernel job, with a job that records the plan. */
public class DepmodCommandTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private TempTree tree;
  private String cwd;
  private KernelPlan plan;
  /** What the job prints. */
  private Consumer<Console> job;
  private String stdout;
  private String stderr;

  private final KernelJob recorder =
      (p, console) -> {
        plan = p;
        job.accept(console);
        return console;
      };

  @Before
  public void setUp() {
    tree = new TempTree(tmp.getRoot().toPath());
    cwd = tmp.getRoot().getPath();
    job = console -> {};
  }

  private int run(String... args) {
    return run(false, args);
  }

  private int run(boolean posixlyCorrect, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        new DepmodCommand(new Host(cwd, "9.9.9-host", posixlyCorrect))
            .run(args, new PrintStream(out), new PrintStream(err), recorder);
    stdout = out.toString(ISO_8859_1);
    stderr = err.toString(ISO_8859_1);
    return status;
  }

  @Test
  public void optionErrorsAndHelpNeverReachTheJob() {
    assertEquals(1, run("-x"));
    assertEquals("depmod: invalid option -- 'x'\n", stderr);
    assertEquals(0, run("-h", "-x"));
    assertEquals(DepmodOptions.HELP, stdout);
    assertEquals("", stderr);
    assertNull(plan);
  }

  /** Oracle: "depmod abc" and "depmod -- -x". */
  @Test
  public void badVersion() {
    assertEquals(1, run("abc"));
    assertEquals("depmod: ERROR: Bad version passed abc\n", stderr);
    assertEquals(1, run("--", "-x"));
    assertEquals("depmod: ERROR: Bad version passed -x\n", stderr);
    assertEquals(1, run(true, "-", "-h"));
    assertEquals("depmod: ERROR: Bad version passed -\n", stderr);
    assertNull(plan);
  }

  @Test
  public void pathTooLong() {
    assertEquals(1, run("-b", "/" + "x".repeat(4090), "1.0"));
    assertEquals(
        "depmod: ERROR: Bad directory /" + "x".repeat(4090) + "/lib/modules/1.0: path too long\n",
        stderr);
  }

  @Test
  public void allModeWalksWithTheConfigurationAndBuildsThePlan() throws Exception {
    tree.file("r/lib/modules/1.0/kernel/a.ko");
    tree.file("r/lib/modules/1.0/extra/a.ko.xz");
    tree.file("c/x.conf", "search extra\noverride q 2.0 extra\nbogus\n");
    job = console -> {
      console.accept(DepmodMessage.warning("from the job"));
      console.print("out\n");
    };
    assertEquals(0, run("-b", "r", "-C", "c", "-o", "o", "-w", "-P", "_", "1.0"));
    String dirname = cwd + "/r/lib/modules/1.0";
    assertEquals(
        new KernelPlan(
            "1.0",
            dirname,
            cwd + "/o/lib/modules/1.0",
            cwd,
            List.of(new DiscoveredModule(dirname + "/extra/a.ko.xz", "extra/a.ko.xz", "a")),
            new dev.beamdepmod.resolve.DepmodSettings('_', 0, false, null, true, false)),
        plan);
    // the INFO line needs -vv
    assertEquals(
        "depmod: ERROR: c/x.conf:3: ignoring bad line starting with 'bogus'\n"
            + "depmod: WARNING: from the job\n",
        stderr);
    assertEquals("out\n", stdout);

    run("-vv", "-b", "r", "-C", "c", "1.0");
    assertEquals(
        "depmod: INFO: c/x.conf:2: override kernel did not match 2.0\n"
            + "depmod: ERROR: c/x.conf:3: ignoring bad line starting with 'bogus'\n"
            + "depmod: WARNING: from the job\n",
        stderr);
  }

  @Test
  public void theJobDecidesTheExitStatus() throws Exception {
    tree.dir("lib/modules/1.0");
    job = console -> {
      console.accept(DepmodMessage.error("Found 2 modules in dependency cycles!"));
      console.fail();
    };
    assertEquals(1, run("-b", cwd, "1.0"));
    assertEquals("depmod: ERROR: Found 2 modules in dependency cycles!\n", stderr);
  }

  @Test
  public void theRunningKernelIsTheDefaultVersion() throws Exception {
    tree.dir("lib/modules/9.9.9-host");
    assertEquals(0, run("-b", "."));
    assertEquals("9.9.9-host", plan.version());
    assertEquals(cwd + "/./lib/modules/9.9.9-host", plan.dirname());
  }

  /** Oracle: a missing module directory. */
  @Test
  public void missingModuleDirectoryIsFatal() {
    assertEquals(1, run("-b", "r", "1.0"));
    String dirname = cwd + "/r/lib/modules/1.0";
    assertEquals(
        "depmod: ERROR: could not open directory " + dirname + ": No such file or directory\n"
            + "depmod: FATAL: could not search modules: No such file or directory\n",
        stderr);
    assertNull(plan);
  }

  @Test
  public void filesModeReadsNoConfigurationAndAllOptionIgnoresFiles() throws Exception {
    Path a = tree.file("r/lib/modules/1.0/kernel/a.ko");
    tree.file("r/lib/modules/1.0/kernel/b.ko");
    tree.file("c/x.conf", "bogus\n");
    assertEquals(0, run("-b", "r", "-C", "c", "1.0", a.toString()));
    assertEquals("", stderr);
    assertEquals(List.of("a"), plan.modules().stream().map(DiscoveredModule::name).toList());

    assertEquals(0, run("-a", "-b", "r", "-C", "c", "1.0", "relative-is-not-checked"));
    assertEquals(2, plan.modules().size());
    assertTrue(stderr.contains("bogus"));

    assertEquals(1, run("-b", "r", "1.0", "relative.ko"));
    assertEquals("depmod: FATAL: relative.ko: not absolute path.\n", stderr);
  }

  /** Oracle: -A -n does nothing; -A with a fresh modules.dep stops silently. */
  @Test
  public void quick() throws Exception {
    assertEquals(0, run("-A", "-n", "-b", "/nonexistent", "1.0"));
    assertEquals("", stderr + stdout);
    assertNull(plan);

    Path dep = tree.file("r/lib/modules/1.0/modules.dep");
    Path mod = tree.file("r/lib/modules/1.0/kernel/a.ko");
    TempTree.mtime(dep, 2000, 0);
    TempTree.mtime(mod, 1000, 0);
    assertEquals(0, run("-A", "-b", "r", "1.0", "/ignored.ko"));
    assertNull(plan);

    // outdated: a full "all" run that ignores the file arguments
    TempTree.mtime(mod, 3000, 0);
    assertEquals(0, run("-A", "-b", "r", "1.0", "/ignored.ko"));
    assertEquals(List.of("a"), plan.modules().stream().map(DiscoveredModule::name).toList());
  }

  /** Oracle: -A on a missing directory reports it twice, then fails the full run. */
  @Test
  public void quickOnMissingDirectory() {
    assertEquals(1, run("-A", "-b", "/nonexistent", "1.0"));
    assertEquals(
        "depmod: ERROR: could not open directory /nonexistent/lib/modules/1.0: No such file or directory\n"
            + "depmod: ERROR: could not open directory /nonexistent/lib/modules/1.0: No such file or directory\n"
            + "depmod: FATAL: could not search modules: No such file or directory\n",
        stderr);
  }

  /** Oracle texts for -e alone and an unopenable -E/-F (-E wins over -F). */
  @Test
  public void kernelSymbolFiles() throws Exception {
    tree.dir("lib/modules/1.0");
    assertEquals(0, run("-e", "-b", cwd, "1.0"));
    assertEquals("depmod: WARNING: -e needs -E or -F\n", stderr);
    assertFalse(plan.settings().errSyms());
    assertNull(plan.settings().kernelSymbols());

    plan = null;
    assertEquals(1, run("-e", "-E", "/nonexist", "-F", "/also-missing", "-b", cwd, "1.0"));
    assertEquals("depmod: FATAL: could not load /nonexist: No such file or directory\n", stderr);
    assertEquals(1, run("-F", "missing.map", "-b", cwd, "1.0"));
    assertEquals("depmod: FATAL: could not load missing.map: No such file or directory\n", stderr);
    assertNull(plan);
  }
}
