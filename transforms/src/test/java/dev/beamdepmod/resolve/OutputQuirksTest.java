package dev.beamdepmod.resolve;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.Test;

/**
 * Alias normalisation, -w, device nodes and both builtin files on one tree, compared with every
 * file and the stderr the reference depmod produced for it (depmod -w, files in quirks/).
 */
public class OutputQuirksTest {
  private static Run tree() {
    return Run.of(
            Mod.at("kernel/d1.ko").alias("devname:first", "char-major-1-2", "devname:second", "block-major-3-4"),
            Mod.at("kernel/d2.ko").alias("char-major-1-2", "block-major-3-4", "devname:x"),
            Mod.at("kernel/d3.ko").alias("devname:lonely", "char-major--1-2x", "unclosed[ab", "close]x",
                "ok-alias", "ok_alias", "br[a-c]ket-x", "", ""),
            Mod.at("kernel/d4.ko").alias("char-major-+7- 8", "devname:p"))
        .order("kernel/d1.ko\nkernel/d2.ko\nkernel/d3.ko\nkernel/d4.ko\n")
        .builtin("kernel/fs/ext4.ko\n\n/abs/x.ko\n# c\n9kernel/y.ko\nnoext\nkernel/a-b.ko\nkernel/fs/ext4.ko\nkernel/z/")
        .builtinModinfo("mod1.alias=foo-bar\0mod2.alias=foo-bar\0.alias=x\0noDot\0mod6.alias\0"
            + "mod7.alias=skipped\0mod8.license=GPL\0mod9.alias=[x\0mod10.alias=\0mod11.alias=last")
        .warn();
  }

  @Test
  public void everyFileAndMessageMatchesTheReference() throws IOException {
    DepmodResult r = tree().go();
    assertEquals(11, r.files().size());
    for (var file : r.files().entrySet()) {
      assertArrayEquals(file.getKey(), resource(file.getKey()), file.getValue());
    }
    StringBuilder stderr = new StringBuilder();
    r.console().lines().forEach(l -> stderr.append(l).append('\n'));
    assertEquals(Run.text(resource("stderr")), stderr.toString());
    assertEquals(0, r.console().exitStatus());
  }

  @Test
  public void dryRunReadsNoBuiltinFileAndBuildsNoIndex() {
    DepmodResult r = tree().dryRun().go();
    assertEquals(List.of(), r.console().lines());
    assertTrue(Run.text(r.console().stdout()).endsWith("d1 first c1:2\nd2 x b3:4\nd3 lonely c4294967295:2\nd4 p c7:8\n"));
  }

  @Test
  public void devnameWithoutNumbersIsAnError() {
    DepmodResult r = Run.of(Mod.at("kernel/solo.ko").alias("devname:lonely", "char-major-x-1")).dryRun().go();
    assertEquals("depmod: ERROR: Module 'solo' has devname (lonely) but lacks major and minor information. Ignoring.",
        r.console().lines().get(1));
    // no device line, so not even the header
    assertTrue(Run.text(r.console().stdout()).endsWith("# Aliases for symbols, used by symbol_request().\n"));
  }

  @Test
  public void aliasNormalisation() {
    assertEquals("b_alias", AliasNormalizer.normalize("b-alias"));
    assertEquals("char_major_10_200", AliasNormalizer.normalize("char-major-10-200"));
    assertEquals("br[a-c]ket_x", AliasNormalizer.normalize("br[a-c]ket-x"));
    assertEquals("", AliasNormalizer.normalize(""));
    assertEquals(null, AliasNormalizer.normalize("unclosed[ab"));
    assertEquals(null, AliasNormalizer.normalize("close]x"));
    assertEquals("x".repeat(4095), AliasNormalizer.normalize("x".repeat(5000)));
  }

  @Test
  public void nonAsciiInAnIndexIsFatalAndNothingIsWritten() {
    DepmodResult r = Run.of(Mod.at("kernel/m.ko").alias("close]x", "caf\u00e9", "later]")).go();
    assertEquals(List.of(
        "depmod: WARNING: could not open modules.order at /w/root/lib/modules/1.0: No such file or directory",
        "depmod: WARNING: Unmatched bracket in close]x",
        "depmod: FATAL: Module index: bad character '\u00e9'=0xe9 - only 7-bit ASCII is supported:\ncaf\u00e9"),
        r.console().lines());
    assertEquals(1, r.console().exitStatus());
    assertTrue(r.files().isEmpty());
  }

  @Test
  public void nonAsciiIsFineWithoutIndexes() {
    DepmodResult r = Run.of(Mod.at("kernel/m.ko").alias("caf\u00e9")).dryRun().go();
    assertEquals(0, r.console().exitStatus());
    assertTrue(Run.text(r.console().stdout()).contains("alias caf\u00e9 m\n"));
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = OutputQuirksTest.class.getResourceAsStream("quirks/" + name)) {
      return in.readAllBytes();
    }
  }
}
