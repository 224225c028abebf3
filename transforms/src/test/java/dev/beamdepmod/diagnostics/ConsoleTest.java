package dev.beamdepmod.diagnostics;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.schema.KernelReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.Test;

/** A kernel's console: depmod's threshold, its lines and bytes, and the same console through a report. */
public class ConsoleTest {
  private static Console printed(int verbose) {
    Console c = new Console(verbose);
    c.accept(DepmodMessage.info("x.conf:2: override kernel did not match 2.0"));
    c.accept(DepmodMessage.warning("duplicate module alias:\nusb:v1 caf\u00e9"));
    c.accept(DepmodMessage.error("m:2: invalid line: x\n"));
    c.accept(DepmodMessage.beamDepmodError("p.deb: truncated"));
    c.print("a.ko needs \"f\": b.ko\n");
    return c;
  }

  @Test
  public void linesAreInTheOrderPrintedAndOnlyThoseTheVerbosityShows() {
    String shown = "depmod: WARNING: duplicate module alias:\nusb:v1 caf\u00e9";
    assertEquals(List.of(shown, "depmod: ERROR: m:2: invalid line: x\n", "beam-depmod: ERROR: p.deb: truncated"),
        printed(1).lines());
    assertEquals("depmod: INFO: x.conf:2: override kernel did not match 2.0", printed(2).lines().get(0));
  }

  /** A text with a newline of its own leaves an empty line; every char is one byte. */
  @Test
  public void stderrIsEveryLineWithItsNewlineInIso88591() {
    assertArrayEquals(
        ("depmod: WARNING: duplicate module alias:\nusb:v1 caf\u00e9\n"
            + "depmod: ERROR: m:2: invalid line: x\n\n"
            + "beam-depmod: ERROR: p.deb: truncated\n").getBytes(ISO_8859_1),
        printed(0).stderr());
  }

  @Test
  public void aFatalEndsTheRunWithStatusOneAndOtherLevelsDoNot() {
    Console c = printed(0);
    assertEquals(0, c.exitStatus());
    c.accept(DepmodMessage.fatal("could not search modules: No such file or directory"));
    assertEquals(1, c.exitStatus());
    Console failed = new Console(0);
    failed.fail();
    assertEquals(1, failed.exitStatus());
  }

  @Test
  public void aCopyGoesOnAloneAndTheOriginalStaysAsItIs() {
    Console c = printed(0);
    Console copy = c.copy();
    copy.accept(DepmodMessage.fatal("later"));
    copy.print("more");
    assertEquals(3, c.lines().size());
    assertEquals(0, c.exitStatus());
    assertEquals("a.ko needs \"f\": b.ko\n", new String(c.stdout(), ISO_8859_1));
    assertEquals(4, copy.lines().size());
    assertEquals(1, copy.exitStatus());
  }

  @Test
  public void aReportCarriesTheConsoleWhole() {
    Console c = printed(2);
    c.fail();
    KernelReport report = c.report("6.1.0").build();
    assertEquals("6.1.0", report.getKernel());
    assertEquals(1, report.getExitCode());
    assertEquals(c.lines(), Console.lines(report));
    Console back = Console.of(report, 2);
    assertArrayEquals(c.stderr(), back.stderr());
    assertArrayEquals(c.stdout(), back.stdout());
    assertEquals(1, back.exitStatus());
  }

  @Test
  public void stderrIsPrintedThenStdoutAndTheStatusReturned() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Console c = printed(0);
    assertEquals(0, c.printTo(new PrintStream(out), new PrintStream(err)));
    assertArrayEquals(c.stderr(), err.toByteArray());
    assertEquals("a.ko needs \"f\": b.ko\n", out.toString(ISO_8859_1));
  }
}
