package dev.beamdepmod.config;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import dev.beamdepmod.config.KernelVersionPattern.Outcome;
import org.junit.Test;

/**
 * Expected results come from glibc's regcomp(REG_EXTENDED | REG_NOSUB) + regexec on the same
 * version string (a small C program, C locale); "no" covers both "no match" and "does not compile".
 * A sample of them was also confirmed through the oracle's override INFO messages.
 */
public class KernelVersionPatternTest {
  private static final String V = "6.1.0-50-amd64";

  private static final String[][] TABLE = {
    // pattern, yes|no
    {"*", "yes"}, // special-cased by depmod; glibc itself rejects it
    {"6", "yes"},
    {"1", "yes"}, // unanchored
    {"^6\\.1", "yes"},
    {"^1", "no"},
    {"2.0", "no"},
    {"[0-9]+", "yes"},
    {"[[:digit:]]", "yes"},
    {"[[:alpha:]]+-amd", "no"},
    {"[[:foo:]]", "no"},
    {"\\d", "yes"}, // GNU regex: literal 'd' (amd64)
    {"\\w", "yes"},
    {"\\s", "no"},
    {"\\W", "yes"},
    {"\\S", "yes"},
    {"\\y", "no"},
    {"\\Q6", "no"},
    {"\\-", "yes"},
    {"\\<amd", "yes"},
    {"\\bamd", "yes"},
    {"\\`6", "yes"},
    {"6\\'", "no"},
    {"a{", "no"},
    {"a{1", "no"},
    {"{1}", "no"},
    {"6{1}", "yes"},
    {"x{,2}", "yes"},
    {"0{,}", "yes"},
    {"6{01}", "yes"},
    {"6{ 1}", "no"},
    {"6{x}", "no"},
    {"6{}", "no"},
    {"6{1,2,3}", "no"},
    {"6{3,2}", "no"},
    {"6{32767}", "no"},
    {"6{0,32767}", "yes"},
    {"6{32768}", "no"},
    {"6{1}{2}", "no"}, // stacked: (6{1}){2} needs "66"
    {"a{1,2}{3}", "no"},
    {"6{0}1", "yes"},
    {"()", "yes"},
    {"(){2}", "yes"},
    {"(|6)", "yes"},
    {"|", "yes"},
    {"6|", "yes"},
    {"a||b", "yes"},
    {"**", "no"},
    {"6**", "yes"},
    {"6*+", "yes"}, // not possessive
    {"6+?", "yes"}, // not lazy
    {"a**", "yes"},
    {"6*?+*+?", "yes"},
    {"(6?)+1", "yes"},
    {"(6+)+\\.", "yes"},
    {"(x+)?6", "yes"},
    {"6*{2}*", "yes"},
    {"(6{1}){2}", "no"},
    {"a{2}*", "yes"},
    {"a{2}+", "no"},
    {"6+{2}", "no"},
    {"+6", "no"},
    {"?6", "no"},
    {"6|*", "no"},
    {"(*6)", "no"},
    {"^*6", "no"},
    {"$*", "no"},
    {"\\b*", "no"},
    {"^^6", "yes"},
    {"6^", "no"},
    {"$$", "yes"},
    {"6$^", "no"},
    {"amd64$", "yes"},
    {"6$", "no"},
    {"^$", "no"},
    {"[]]", "no"},
    {"[]a]", "yes"},
    {"[^]a]", "yes"},
    {"[]-a]", "yes"},
    {"[\\]", "no"}, // backslash is literal inside brackets
    {"[\\d]", "yes"},
    {"[a-]", "yes"},
    {"[a-]]", "no"},
    {"[a-c-e]", "no"},
    {"[a\\-z]", "yes"}, // range from backslash to z
    {"[--/]", "yes"},
    {"[%--]", "yes"},
    {"[!-]", "yes"},
    {"[^-a]", "yes"},
    {"[z-a]", "no"},
    {"[a-a]", "yes"},
    {"[a-[:digit:]]", "no"},
    {"[[:alpha:]-z]", "no"},
    {"[[:alpha:]-]", "yes"},
    {"6{,5}", "yes"},
    {"[[.-.]]", "yes"},
    {"[[.-.]-0]", "yes"},
    {"[[.].]]", "no"},
    {"[[.space.]]", "no"},
    {"[[=a=]]", "yes"},
    {"[[=a=]b]", "yes"},
    {"[[=ab=]]", "no"},
    {"[[:digit:][:alpha:]]", "yes"},
    {"[[:upper:]]", "no"},
    {"[[:alpha:]", "no"},
    {"[a", "no"},
    {"[]", "no"},
    {"[^]", "no"},
    {"[", "no"},
    {"[[:]", "no"},
    {"[[.]", "no"},
    {"[[=a", "no"},
    {"[.]", "yes"},
    {"\\1", "no"},
    {"(6)\\1", "no"},
    {"(0)-5\\1", "yes"},
    {"(6\\1)", "no"},
    {"\\1(6)", "no"},
    {"(6)\\1*", "yes"},
    {"(", "no"},
    {")", "no"}, // unmatched ')' is an ordinary character
    {"a)", "no"},
    {"\\(6", "no"},
    {"(?:6)", "no"},
    {"\\{", "no"},
    {"\\", "no"},
    {"6\\", "no"},
    {"6.*$", "yes"},
    {".?", "yes"},
    {"^(6|7)\\.", "yes"},
    {"6.1.0-50-amd64", "yes"},
    {"6.1.0-50-amd64.", "no"},
  };

  /** The outcome MATCH or NO_MATCH as a boolean (the stacked-quantifier rows were confirmed through the oracle). */
  private static boolean matches(String kver, String version) {
    Outcome outcome = KernelVersionPattern.match(kver, version);
    assertNotEquals(kver.substring(0, Math.min(kver.length(), 40)), Outcome.TOO_COMPLEX, outcome);
    return outcome == Outcome.MATCH;
  }

  @Test
  public void matchesLikeGlibcRegex() {
    for (String[] row : TABLE) {
      assertEquals(row[0], row[1].equals("yes"), matches(row[0], V));
    }
  }

  @Test
  public void dotAndNegatedBracketsMatchNewlinesAndDollarIsOnlyTheEnd() {
    assertEquals(true, matches("1.0", "1\n0"));
    assertEquals(true, matches("1[^x]0", "1\n0"));
    assertEquals(false, matches("1$", "1\n"));
  }

  /** The oracle matches these (at 100 000 nested groups it crashes). */
  @Test
  public void deeplyNestedGroupsAndLongPatternsMatch() {
    assertEquals(true, matches("(".repeat(10_000) + "50" + ")".repeat(10_000), V));
    assertEquals(true, matches("[a-z0-9.-]".repeat(14) + "$", V));
    assertEquals(false, matches("[^a]".repeat(3000), V));
    assertEquals(true, matches("6" + "*".repeat(20_000), V));
  }

  /** glibc answers these at once (no match); java.util.regex would backtrack for ever. */
  @Test
  public void runawayBacktrackingIsTooComplex() {
    assertEquals(Outcome.TOO_COMPLEX, KernelVersionPattern.match("((.*)*)*".repeat(5) + "x", V));
    // Backtracking at the end of the version, where no character is left to examine (found by
    // fuzzing; the second one glibc matches).
    assertEquals(Outcome.TOO_COMPLEX,
        KernelVersionPattern.match("((.*)*((.*)*((.*)*((.*)*)*)*)*((.)*)*)*((.*)*)*x", V));
    assertEquals(Outcome.TOO_COMPLEX, KernelVersionPattern.match("(|)".repeat(30) + "$", V));
  }

  @Test
  public void patternsBeyondTheLengthBoundAreTooComplex() {
    String longest = "6".repeat(KernelVersionPattern.MAX_PATTERN_BYTES);
    assertEquals(Outcome.NO_MATCH, KernelVersionPattern.match(longest, V));
    assertEquals(Outcome.TOO_COMPLEX, KernelVersionPattern.match(longest + "6", V));
  }
}
