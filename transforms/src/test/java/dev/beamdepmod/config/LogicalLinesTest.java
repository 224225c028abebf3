package dev.beamdepmod.config;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;

public class LogicalLinesTest {
  private static List<LogicalLines.Line> split(String s) {
    return LogicalLines.split(s.getBytes(ISO_8859_1));
  }

  @Test
  public void backslashRules() {
    assertEquals(
        List.of(
            new LogicalLines.Line("ab", 2),
            new LogicalLines.Line("x\\y", 3),
            new LogicalLines.Line("", 4),
            new LogicalLines.Line("tail", 5)),
        split("a\\\nb\nx\\\\y\n\ntail\\"));
  }

  @Test
  public void noLineAfterTheFinalNewline() {
    assertEquals(List.of(new LogicalLines.Line("a", 1)), split("a\n"));
    assertEquals(List.of(), split(""));
    assertEquals(List.of(), split("\\\n"));
  }

  @Test
  public void bytesAboveAsciiAndCarriageReturnsAreKept() {
    assertEquals(List.of(new LogicalLines.Line("\u00e9\r", 1)), split("\u00e9\r\n"));
  }
}
