package dev.beamdepmod.resolve;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.diagnostics.Console;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** docs/depmod-rules.md §2.5-§2.7, §10, §11: where the outputs go with and without -n. */
public class OutputTargetTest {
  private static final DepmodMessage UNUSABLE =
      DepmodMessage.fatal("could not create directory /out/lib/modules/1.0: Not a directory");

  @Test
  public void withDryRunTheTextGoesToStdoutAndNothingIsWrittenReadOrChecked() {
    OutputTarget target = new OutputTarget(true, null);
    Console console = new Console(0);
    Map<String, byte[]> files = new LinkedHashMap<>();
    assertTrue(target.open(console));
    target.text("modules.dep", "a.ko:\n", files, console);
    target.index("modules.dep.bin", () -> { throw new AssertionError("an index is built with -n"); }, files);
    target.text("modules.alias", "# Aliases\n", files, console);
    assertEquals("a.ko:\n# Aliases\n", new String(console.stdout(), ISO_8859_1));
    assertTrue(files.isEmpty());
    assertFalse(target.checksUpToDate());
    assertFalse(target.needsDirectory());
    assertFalse(target.readsBuiltinLists());
    assertFalse(target.writesSnapshot());
  }

  @Test
  public void withoutDryRunEveryOutputIsAFile() {
    OutputTarget target = OutputTarget.of(new DepmodSettings((char) 0, 0, false, null, false, false), null);
    Console console = new Console(0);
    Map<String, byte[]> files = new LinkedHashMap<>();
    assertTrue(target.open(console));
    target.text("modules.dep", "caf\u00e9.ko:\n", files, console);
    target.index("modules.dep.bin", () -> new byte[] {1}, files);
    assertEquals(List.of("modules.dep", "modules.dep.bin"), List.copyOf(files.keySet()));
    assertEquals("caf\u00e9.ko:\n", new String(files.get("modules.dep"), ISO_8859_1));
    assertEquals(0, console.stdout().length);
    assertTrue(target.checksUpToDate() && target.needsDirectory() && target.readsBuiltinLists());
    assertTrue(target.writesSnapshot());
    assertTrue(target.writes(files));
    assertFalse(target.writes(Map.of()));
    assertEquals(List.of(), console.lines());
  }

  /** depmod makes the directory before its first file: an unusable one ends the run there. */
  @Test
  public void anUnusableDirectoryIsReportedWhereTheFirstFileWouldBeAndNothingIsWritten() {
    OutputTarget target = new OutputTarget(false, UNUSABLE);
    Console console = new Console(0);
    console.accept(DepmodMessage.warning("could not open modules.order at /in: No such file or directory"));
    assertFalse(target.open(console));
    assertEquals(List.of("depmod: WARNING: could not open modules.order at /in: No such file or directory",
        "depmod: FATAL: could not create directory /out/lib/modules/1.0: Not a directory"), console.lines());
    assertEquals(1, console.exitStatus());
    assertFalse(target.writes(Map.of("snapshot.avro", new byte[1])));
  }

  @Test
  public void aDryRunNeedsNoDirectorySoNoneIsUnusable() {
    Console console = new Console(0);
    assertTrue(new OutputTarget(true, UNUSABLE).open(console));
    assertEquals(List.of(), console.lines());
    assertEquals(0, console.exitStatus());
  }
}
