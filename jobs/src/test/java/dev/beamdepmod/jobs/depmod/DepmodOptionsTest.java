package dev.beamdepmod.jobs.depmod;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.Test;

/**
 * Option parsing. Every expected stderr text and exit status for an error case was produced by the
 * oracle (kmod 34.2 depmod on glibc) with the same arguments.
 */
public class DepmodOptionsTest {

  private static DepmodOptions.Exit exit(String... args) {
    DepmodOptions.Parsed p = DepmodOptions.parse(List.of(args), false);
    assertNull(p.options());
    return p.exit();
  }

  private static DepmodOptions options(String... args) {
    DepmodOptions.Parsed p = DepmodOptions.parse(List.of(args), false);
    assertNull(p.exit());
    return p.options();
  }

  private static void assertError(String stderr, String... args) {
    assertEquals(new DepmodOptions.Exit("", stderr + "\n", 1), exit(args));
  }

  @Test
  public void glibcMessagesForBadOptions() {
    assertError("depmod: invalid option -- 'x'", "-x");
    assertError("depmod: invalid option -- 'x'", "-vx");
    assertError("depmod: invalid option -- ':'", "-:");
    assertError("depmod: invalid option -- ';'", "-;");
    assertError("depmod: invalid option -- 'W'", "-W", "foo");
    assertError("depmod: invalid option -- '\u00c3'", "-\u00c3\u00a9"); // the first byte of UTF-8 é
    assertError("depmod: unrecognized option '--foo'", "--foo");
    assertError("depmod: unrecognized option '--foo=bar'", "--foo=bar");
    assertError("depmod: unrecognized option '--\u00c3\u00a9'", "--\u00c3\u00a9");
    assertError("depmod: option requires an argument -- 'b'", "-b");
    assertError("depmod: option requires an argument -- 'P'", "-vP");
    assertError("depmod: option requires an argument -- 'P'", "-nvP");
    assertError("depmod: option '--basedir' requires an argument", "--basedir");
    assertError("depmod: option '--basedir' requires an argument", "--base");
    assertError("depmod: option '--all' doesn't allow an argument", "--all=3");
    assertError("depmod: option '--all' doesn't allow an argument", "--al=3");
    assertError("depmod: option '--verbose' doesn't allow an argument", "--verbose=1");
    assertError("depmod: option '--show' doesn't allow an argument", "--show=");
    assertError("depmod: option '--help' doesn't allow an argument", "--help=x");
    assertError("depmod: option '--quick' doesn't allow an argument", "--quick=1");
  }

  @Test
  public void ambiguousPrefixesListCandidatesInTableOrder() {
    assertError(
        "depmod: option '--sym=x' is ambiguous; possibilities: '--symvers' '--symbol-prefix'",
        "--sym=x");
    assertError(
        "depmod: option '--sym' is ambiguous; possibilities: '--symvers' '--symbol-prefix'", "--sym");
    assertError(
        "depmod: option '--s' is ambiguous; possibilities: '--symvers' '--show' '--symbol-prefix'",
        "--s");
    assertError(
        "depmod: option '--s=' is ambiguous; possibilities: '--symvers' '--show' '--symbol-prefix'",
        "--s=");
    assertError(
        "depmod: option '--ver' is ambiguous; possibilities: '--verbose' '--version'", "--ver");
    assertError("depmod: option '--v' is ambiguous; possibilities: '--verbose' '--version'", "--v");
    // an empty name is a prefix of everything; --dry-run differs from the first match (--all)
    assertError(
        "depmod: option '--=x' is ambiguous; possibilities: '--all' '--quick' '--basedir'"
            + " '--moduledir' '--outdir' '--config' '--symvers' '--filesyms' '--errsyms'"
            + " '--verbose' '--show' '--dry-run' '--symbol-prefix' '--warn' '--version' '--help'",
        "--=x");
  }

  @Test
  public void unambiguousPrefixesAndSameMeaningAlternatives() {
    assertEquals(true, options("--d").dryRun());
    assertEquals(true, options("--dry").dryRun());
    assertEquals(true, options("--sh").dryRun());
    assertEquals(List.of("c1"), options("--c", "c1").configPaths());
    assertEquals(2, options("--verb", "--verbose").verbose());
  }

  @Test
  public void symbolPrefixMustBeOneByte() {
    DepmodOptions.Exit fatal = new DepmodOptions.Exit("", "depmod: FATAL: -P only takes a single char\n", 1);
    assertEquals(fatal, exit("-Pab"));
    assertEquals(fatal, exit("-P", ""));
    assertEquals(fatal, exit("--symbol-prefix="));
    assertEquals(fatal, exit("--symbol-prefix=ab"));
    assertEquals(fatal, exit("-P", "9.9.9")); // the separate argument is taken, whatever it is
    assertEquals('_', options("-P_").symbolPrefix());
    assertEquals('.', options("-P", "_", "--symbol-prefix=.").symbolPrefix());
    assertEquals(0, options().symbolPrefix());
  }

  @Test
  public void helpAndVersionStopParsingWhereTheyAppear() {
    DepmodOptions.Exit help = new DepmodOptions.Exit(DepmodOptions.HELP, "", 0);
    DepmodOptions.Exit version = new DepmodOptions.Exit(DepmodOptions.VERSION, "", 0);
    assertEquals(help, exit("-h", "-x"));
    assertEquals(help, exit("-h", "-P", "ab"));
    assertEquals(help, exit("--symbol=a", "-h"));
    assertEquals(help, exit("-hV"));
    assertEquals(help, exit("-b", "/nonexist", "1.0", "-n", "-h"));
    assertEquals(version, exit("-V", "-x"));
    assertEquals(version, exit("-Vh"));
    assertEquals(version, exit("--verb", "--vers"));
    assertError("depmod: invalid option -- 'x'", "-x", "-h");
    assertError("depmod: invalid option -- 'x'", "-x", "-P", "ab");
    assertEquals(
        new DepmodOptions.Exit("", "depmod: FATAL: -P only takes a single char\n", 1),
        exit("-P", "ab", "-h"));
  }

  /** Byte for byte what the oracle prints for -h and -V (captured into test resources). */
  @Test
  public void helpAndVersionTexts() throws IOException {
    assertEquals(resource("oracle-help.txt"), DepmodOptions.HELP);
    assertEquals(resource("oracle-version.txt"), DepmodOptions.VERSION);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = DepmodOptionsTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  public void operandsArePermutedAndDoubleDashEndsOptions() {
    DepmodOptions o = options("1.0", "-b", "root", "/m/a.ko", "-v", "--", "-x", "-v");
    assertEquals(List.of("1.0", "/m/a.ko", "-x", "-v"), o.operands());
    assertEquals("root", o.basedir());
    assertEquals(1, o.verbose());
    assertEquals(List.of("-"), options("-").operands());
    assertEquals(List.of(""), options("").operands());
    assertError("depmod: invalid option -- 'x'", "1.0", "-x");
    assertError("depmod: invalid option -- 'x'", "-x", "1");
  }

  @Test
  public void posixlyCorrectStopsAtTheFirstOperand() {
    DepmodOptions.Parsed p = DepmodOptions.parse(List.of("-v", "1.0", "-x", "-h"), true);
    assertEquals(List.of("1.0", "-x", "-h"), p.options().operands());
    assertEquals(1, p.options().verbose());
  }

  @Test
  public void attachedSeparateAndLongArgumentsLastOneWinsConfigAccumulates() {
    DepmodOptions o =
        options(
            "--show", "--dry-run", "-b", "x", "-bx2", "--basedir=y", "-C", "a", "-Cb", "--config=c",
            "--config", "d", "-m", "", "-o/out", "-E", "s1", "--symvers=s2", "-F", "m", "-eaAwvvn");
    assertEquals("y", o.basedir());
    assertEquals("", o.moduledir());
    assertEquals("/out", o.outdir());
    assertEquals(List.of("a", "b", "c", "d"), o.configPaths());
    assertEquals("s2", o.symvers());
    assertEquals("m", o.filesyms());
    assertEquals(true, o.errsyms() && o.all() && o.quick() && o.warn() && o.dryRun());
    assertEquals(2, o.verbose());
    assertEquals(List.of(), o.operands());
    // an option's separate argument may itself look like an option
    assertEquals("--", options("-b", "--").basedir());
    assertEquals("-x", options("--basedir", "-x").basedir());
  }

  @Test
  public void defaults() {
    DepmodOptions o = options();
    assertEquals(
        new DepmodOptions(
            false, false, null, null, null, List.of(), null, null, false, 0, false, (char) 0, false,
            List.of()),
        o);
  }
}
