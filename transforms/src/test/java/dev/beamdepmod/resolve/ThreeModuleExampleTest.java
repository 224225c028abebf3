package dev.beamdepmod.resolve;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.beamdepmod.config.DepmodMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** docs/depmod-rules.md §14.1 and §2.7: three modules, no modules.order, no builtin files. */
public class ThreeModuleExampleTest {
  private static final String DEP = """
      kernel/sub/c.ko:
      kernel/b.ko: kernel/sub/c.ko
      kernel/a.ko: kernel/b.ko kernel/sub/c.ko
      """;
  private static final String ALIAS = """
      # Aliases extracted from modules themselves.
      alias b-alias b
      alias pci:v00001234d* a
      alias char-major-10-200 a
      alias devname:foo/bar a
      """;
  private static final String SOFTDEP = """
      # Soft dependencies extracted from modules themselves.
      softdep a pre: b
      """;
  private static final String WEAKDEP = """
      # Weak dependencies extracted from modules themselves.
      weakdep a c
      """;
  private static final String SYMBOLS = """
      # Aliases for symbols, used by symbol_request().
      alias symbol:a_fn a
      alias symbol:b_fn b
      alias symbol:c_fn c
      """;
  private static final String DEVNAME = """
      # Device nodes to trigger on-demand module loading.
      a foo/bar c10:200
      """;
  private static final String NO_ORDER =
      "depmod: WARNING: could not open modules.order at /w/root/lib/modules/1.0: No such file or directory";

  static Run example() {
    return Run.of(
        Mod.at("kernel/a.ko").exports("a_fn").imports("b_fn", "printk")
            .alias("pci:v00001234d*").info("softdep", "pre: b").info("weakdep", "c")
            .alias("char-major-10-200", "devname:foo/bar").info("license", "GPL"),
        Mod.at("kernel/b.ko").exports("b_fn").imports("c_fn").alias("b-alias"),
        Mod.at("kernel/sub/c.ko").exports("c_fn"));
  }

  @Test
  public void dryRunPrintsTheTextFilesBackToBack() {
    DepmodResult r = example().dryRun().go();
    assertEquals(DEP + ALIAS + SOFTDEP + WEAKDEP + SYMBOLS + DEVNAME, Run.text(r.console().stdout()));
    assertEquals(List.of(NO_ORDER), r.console().lines());
    assertEquals(0, r.console().exitStatus());
    assertTrue(r.files().isEmpty());
  }

  @Test
  public void writesElevenFilesInKmodsOrder() throws IOException {
    DepmodResult r = example().go();
    assertEquals(List.of("modules.dep", "modules.dep.bin", "modules.alias", "modules.alias.bin",
        "modules.softdep", "modules.weakdep", "modules.symbols", "modules.symbols.bin",
        "modules.builtin.bin", "modules.builtin.alias.bin", "modules.devname"),
        List.copyOf(r.files().keySet()));
    Map<String, byte[]> f = r.files();
    assertEquals(DEP, Run.text(f.get("modules.dep")));
    assertEquals(ALIAS, Run.text(f.get("modules.alias")));
    assertEquals(SOFTDEP, Run.text(f.get("modules.softdep")));
    assertEquals(WEAKDEP, Run.text(f.get("modules.weakdep")));
    assertEquals(SYMBOLS, Run.text(f.get("modules.symbols")));
    assertEquals(DEVNAME, Run.text(f.get("modules.devname")));
    assertEquals(87, f.get("modules.dep").length);
    assertEquals(135, f.get("modules.alias").length);
    assertEquals(72, f.get("modules.softdep").length);
    assertEquals(67, f.get("modules.weakdep").length);
    assertEquals(109, f.get("modules.symbols").length);
    assertEquals(70, f.get("modules.devname").length);
    assertEquals(0, f.get("modules.builtin.bin").length);
    assertEquals(0, f.get("modules.builtin.alias.bin").length);
    // the three indexes as the reference depmod wrote them for this tree
    for (String name : List.of("modules.dep.bin", "modules.alias.bin", "modules.symbols.bin")) {
      assertArrayEquals(name, resource(name), f.get(name));
    }
    assertEquals(137, f.get("modules.dep.bin").length);
    assertEquals(168, f.get("modules.alias.bin").length);
    assertEquals(81, f.get("modules.symbols.bin").length);
    assertEquals(List.of(NO_ORDER,
        "depmod: WARNING: could not open modules.builtin at /w/root/lib/modules/1.0: No such file or directory",
        "depmod: WARNING: could not open modules.builtin.modinfo at /w/root/lib/modules/1.0: No such file or directory"),
        r.console().lines());
    assertEquals(0, r.console().exitStatus());
    assertEquals(new DepmodResult.Stats(3, 3, 1, 0, 0), r.stats());
  }

  /** The modules' read messages come in module order, after modules.order's and before the outputs'. */
  @Test
  public void readMessagesComeInModuleOrderBetweenTheOrderAndTheOutputs() {
    String failed = "failed to load symbols from " + Mod.DIR + "/kernel/a.ko: Invalid argument";
    DepmodResult r = Run.of(
        Mod.at("kernel/a.ko").message(DepmodMessage.error("xz: File is corrupt")).message(DepmodMessage.error(failed)),
        Mod.at("kernel/b.ko"),
        Mod.at("kernel/sub/c.ko").message(DepmodMessage.error("zstd: Unknown frame descriptor"))).go();
    assertEquals(List.of(NO_ORDER,
        "depmod: ERROR: zstd: Unknown frame descriptor",
        "depmod: ERROR: xz: File is corrupt",
        "depmod: ERROR: " + failed,
        "depmod: WARNING: could not open modules.builtin at /w/root/lib/modules/1.0: No such file or directory",
        "depmod: WARNING: could not open modules.builtin.modinfo at /w/root/lib/modules/1.0: No such file or directory"),
        r.console().lines());
    assertEquals(0, r.console().exitStatus());
    assertEquals(1, r.stats().unreadableModules());
  }

  @Test
  public void verboseShowsEachNewEdgeBeforeTheDryRunContent() {
    DepmodResult r = example().verbose().dryRun().go();
    String shown = "/w/root/lib/modules/1.0/kernel/b.ko needs \"c_fn\": /w/root/lib/modules/1.0/kernel/sub/c.ko\n"
        + "/w/root/lib/modules/1.0/kernel/a.ko needs \"b_fn\": /w/root/lib/modules/1.0/kernel/b.ko\n";
    assertEquals(shown + DEP + ALIAS + SOFTDEP + WEAKDEP + SYMBOLS + DEVNAME, Run.text(r.console().stdout()));
  }

  @Test
  public void unopenableInputDirectoryIsReportedForEachInputFile() {
    // verified with kmod in files mode with a -b directory that does not exist
    DepmodResult r = Run.of(Mod.external("/elsewhere/x.ko").exports("x_fn")).inputDirectoryMissing().go();
    String warning = "depmod: WARNING: could not open directory /w/root/lib/modules/1.0: No such file or directory";
    assertEquals(List.of(warning, warning, warning), r.console().lines());
    assertEquals("/elsewhere/x.ko:\n", Run.text(r.files().get("modules.dep")));
    assertEquals(0, r.files().get("modules.builtin.bin").length);
  }

  @Test
  public void emptyTreeGivesHeadersAndEmptyIndexes() {
    DepmodResult r = Run.of().builtin("").builtinModinfo("").go();
    Map<String, byte[]> f = r.files();
    assertEquals(0, f.get("modules.dep").length);
    assertEquals(45, f.get("modules.alias").length);
    assertEquals(55, f.get("modules.softdep").length);
    assertEquals(55, f.get("modules.weakdep").length);
    assertEquals(49, f.get("modules.symbols").length);
    assertEquals(0, f.get("modules.devname").length);
    for (String bin : List.of("modules.dep.bin", "modules.alias.bin", "modules.symbols.bin",
        "modules.builtin.bin", "modules.builtin.alias.bin")) {
      assertEquals(bin, 12, f.get(bin).length);
    }
  }

  @Test
  public void tooManyModulesForDepmodsSixteenBitIndexes() {
    List<dev.beamdepmod.schema.ModuleRecord> many = new java.util.ArrayList<>();
    for (int i = 0; i < 65535; i++) {
      many.add(Mod.at("kernel/m" + i + ".ko").build());
    }
    DepmodResult r = Resolver.resolve(many, new KernelInputs(Mod.DIR, FileContent.of(new byte[0]),
        FileContent.of(new byte[0]), FileContent.of(new byte[0])),
        new DepmodSettings((char) 0, 0, false, null, false, false));
    assertEquals(List.of("depmod: FATAL: could not build module array: Numerical result out of range"), r.console().lines());
    assertEquals(1, r.console().exitStatus());
    assertTrue(r.files().isEmpty());
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = ThreeModuleExampleTest.class.getResourceAsStream("example141/" + name)) {
      return in.readAllBytes();
    }
  }
}
