package dev.beamdepmod.config;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class DepmodConfigTest {

  private static DepmodConfig parse(String version, String... pathAndContent) {
    List<ConfigFile> files = new ArrayList<>();
    for (int i = 0; i < pathAndContent.length; i += 2) {
      files.add(ConfigFile.of(pathAndContent[i], pathAndContent[i + 1].getBytes(ISO_8859_1)));
    }
    return DepmodConfig.parse(version, files);
  }

  private static List<String> lines(DepmodConfig config) {
    List<String> out = new ArrayList<>();
    for (DepmodMessage m : config.messages()) {
      out.add(m.line());
    }
    return out;
  }

  private static SearchEntry path(String p) {
    return new SearchEntry(SearchEntry.Kind.PATH, p);
  }

  @Test
  public void withoutSearchLinesTheOnlySearchEntryIsUpdates() {
    assertEquals(List.of(path("updates")), DepmodConfig.defaults().searches());
    assertEquals(List.of(path("updates")), parse("1.0", "a.conf", "exclude x\n").searches());
  }

  @Test
  public void listsArePrependedSoTheLastConfiguredComesFirst() {
    DepmodConfig c =
        parse(
            "1.0",
            "a.conf", "search extra built-in\nexclude e1 e2\noverride m * d1\nexternal * /x1\n",
            "b.conf", "search external weird\nexclude e3\noverride m2 * d2\nexternal * /x2 /ignored\n");
    assertEquals(
        List.of(
            path("weird"),
            new SearchEntry(SearchEntry.Kind.EXTERNAL, null),
            new SearchEntry(SearchEntry.Kind.BUILT_IN, null),
            path("extra")),
        c.searches());
    assertEquals(List.of("e3", "e2", "e1"), c.excludes());
    assertEquals(List.of("d2/m2", "d1/m"), c.overrides());
    assertEquals(List.of("/x2", "/x1"), c.externals());
    assertEquals(List.of(), c.messages());
  }

  @Test
  public void emptySearchAndExcludeLinesAddNothing() {
    DepmodConfig c = parse("1.0", "a.conf", "search\nexclude\t \n");
    assertEquals(List.of(path("updates")), c.searches());
    assertEquals(List.of(), c.excludes());
    assertEquals(List.of(), c.messages());
  }

  /** Expected messages produced by the oracle (kmod 34.2 depmod -vv -C ./l.conf). */
  @Test
  public void lineSyntaxAndBadLinesMatchTheOracle() {
    String content =
        "ext\\ra\n"
            + "  # indented\n"
            + "#comment\n"
            + "\n"
            + "   \t \n"
            + "search a \\\nb\\\n\\\nc\n"
            + "bad\\\nline\n"
            + "over\\ride x\n"
            + "include foo\n"
            + "make_map_files\n"
            + "override a\n"
            + "override a b\n"
            + "override a 2 c\n"
            + "external\n"
            + "external 2\n"
            + "external 2 /x\n"
            + "include\n"
            + "SEARCH x\n"
            + "search\r\n"
            + "bad\0nul\n"
            + "last\\";
    DepmodConfig c = parse("1.0", "./l.conf", content);
    assertEquals(
        List.of(
            "depmod: ERROR: ./l.conf:1: ignoring bad line starting with 'extra'",
            "depmod: ERROR: ./l.conf:2: ignoring bad line starting with '#'",
            "depmod: ERROR: ./l.conf:11: ignoring bad line starting with 'badline'",
            "depmod: ERROR: ./l.conf:12: ignoring bad line starting with 'override'",
            "depmod: INFO: ./l.conf:13: command include not implemented yet",
            "depmod: INFO: ./l.conf:14: command make_map_files not implemented yet",
            "depmod: ERROR: ./l.conf:15: ignoring bad line starting with 'override'",
            "depmod: ERROR: ./l.conf:16: ignoring bad line starting with 'override'",
            "depmod: INFO: ./l.conf:17: override kernel did not match 2",
            "depmod: ERROR: ./l.conf:18: ignoring bad line starting with 'external'",
            "depmod: ERROR: ./l.conf:19: ignoring bad line starting with 'external'",
            "depmod: INFO: ./l.conf:20: external directory did not match 2",
            "depmod: INFO: ./l.conf:21: command include not implemented yet",
            "depmod: ERROR: ./l.conf:22: ignoring bad line starting with 'SEARCH'",
            "depmod: ERROR: ./l.conf:23: ignoring bad line starting with 'search\r'",
            "depmod: ERROR: ./l.conf:24: ignoring bad line starting with 'bad'",
            "depmod: ERROR: ./l.conf:25: ignoring bad line starting with 'last'"),
        lines(c));
    // "search a \<nl>b\<nl>\<nl>c" joins without inserting anything: tokens "a" and "bc"
    assertEquals(List.of(path("bc"), path("a")), c.searches());
  }

  /** Line numbers at end of file and escaped '#', from the oracle. */
  @Test
  public void lineNumbersAfterContinuationsAndAtEndOfFile() {
    assertEquals(
        List.of(
            "depmod: ERROR: e1:1: ignoring bad line starting with 'a\\b'",
            "depmod: ERROR: e1:4: ignoring bad line starting with 'b1'"),
        lines(parse("1.0", "e1", "a\\\\b\n\nb1\\\n")));
    assertEquals(
        List.of("depmod: ERROR: e2:3: ignoring bad line starting with 'x'"),
        lines(parse("1.0", "e2", "x\\\n\\\n")));
    assertEquals(
        List.of("depmod: ERROR: e3:2: ignoring bad line starting with 'q'"),
        lines(parse("1.0", "e3", "\\\nq\n\\")));
    assertEquals(
        List.of("depmod: ERROR: e4:2: ignoring bad line starting with 'w'"),
        lines(parse("1.0", "e4", "w \\\n")));
    // an escaped '#' still starts a comment; "#" + continuation stays a comment
    assertEquals(
        List.of("depmod: ERROR: e5:5: ignoring bad line starting with 'z#y'"),
        lines(parse("1.0", "e5", "\\#x\n#\\\nnotcomment\n z\\\n#y\n")));
  }

  @Test
  public void overrideAndExternalUseOnlyTheirFirstArguments() {
    DepmodConfig c =
        parse("1.0", "a", "override my-mod 1 extra more tokens\nexternal 1.0 /e1 /e2\n");
    assertEquals(List.of("extra/my-mod"), c.overrides());
    assertEquals(List.of("/e1"), c.externals());
  }

  @Test
  public void kernelVersionMismatchIsAnInfoMessage() {
    DepmodConfig c = parse("1.0", "f.conf", "override dup 2.0 weird\n");
    assertEquals(List.of(), c.overrides());
    DepmodMessage m = c.messages().get(0);
    assertEquals("depmod: INFO: f.conf:1: override kernel did not match 2.0", m.line());
    assertFalse(m.shownAt(1));
    assertTrue(m.shownAt(2));
  }

  /** beam-depmod's own message: kmod answers (or crashes) where java.util.regex cannot. */
  @Test
  public void patternTooComplexIsAWarningAndTheLineIsIgnored() {
    String runaway = "((.*)*)*".repeat(5) + "x";
    DepmodConfig c = parse("6.1.0-50-amd64", "f.conf", "override m " + runaway + " d\nexternal " + runaway + " /e\n");
    assertEquals(List.of(), c.overrides());
    assertEquals(List.of(), c.externals());
    assertEquals(
        List.of(
            "depmod: WARNING: f.conf:1: override kernel version pattern too complex to match, line ignored",
            "depmod: WARNING: f.conf:2: external kernel version pattern too complex to match, line ignored"),
        lines(c));
  }

  @Test
  public void unreadableFileIsReportedInItsTurn() {
    DepmodConfig c =
        DepmodConfig.parse(
            "1.0",
            List.of(
                ConfigFile.of("/d/a.conf", "bogus\n".getBytes(ISO_8859_1)),
                ConfigFile.unreadable("/d/b.conf", "Permission denied"),
                ConfigFile.of("/d/c.conf", "exclude x\n".getBytes(ISO_8859_1))));
    assertEquals(
        List.of(
            "depmod: ERROR: /d/a.conf:1: ignoring bad line starting with 'bogus'",
            "depmod: ERROR: file parse /d/b.conf: Permission denied"),
        lines(c));
    assertEquals(List.of("x"), c.excludes());
  }
}
