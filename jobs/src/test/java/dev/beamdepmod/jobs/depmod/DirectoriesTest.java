package dev.beamdepmod.jobs.depmod;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

public class DirectoriesTest {

  /** Examples of docs/depmod-rules.md §2.2 (sscanf "%u.%u"). */
  @Test
  public void versionNumbers() {
    for (String v :
        List.of("1.0", "6.1.0-47-amd64", "1.0abc", " 1.2", "+1.2", "1.-2", "1. 2", "01.02",
            "4294967296.1", "\t\n1.\u000b2", "-1.0")) {
      assertTrue(v, Directories.isVersionNumber(v));
    }
    for (String v : List.of("1", "1.x", "abc", ".1", "", "1 .2", "1.", "+.1", "1.+", "- 1.2", "0x1.2a")) {
      assertFalse(v, Directories.isVersionNumber(v));
    }
  }

  private static String dirname(String cwd, String... args) {
    DepmodOptions o = DepmodOptions.parse(List.of(args), false).options();
    return Directories.of(o, "1.0", cwd).dirname();
  }

  /** The table of docs/depmod-rules.md §2.4, plus cases confirmed with the oracle. */
  @Test
  public void directoryStrings() {
    assertEquals("/lib/modules/1.0", dirname("/w"));
    assertEquals("/w/root/lib/modules/1.0", dirname("/w", "-b", "root"));
    assertEquals("/w/root//lib/modules/1.0", dirname("/w", "-b", "root/"));
    assertEquals("/w/./root/lib/modules/1.0", dirname("/w", "-b", "./root"));
    assertEquals("/w/root/lib//modules//1.0", dirname("/w", "-b", "root", "-m", "///lib//modules/"));
    assertEquals("/w/root//1.0", dirname("/w", "-b", "root", "-m", ""));
    assertEquals("//x/y/1.0", dirname("/w", "-b", "/", "-m", "/x/y"));
    assertEquals("/foo/bar/1.0", dirname("/w", "-m", "foo/bar"));
    assertEquals("/w//lib/modules/1.0", dirname("/w", "-b", ""));
    // oracle: cwd "/" still gets a '/' appended
    assertEquals("//tmp/x/lib/modules/1.0", dirname("/", "-b", "tmp/x"));
    assertEquals("///1.0", dirname("/w", "-b", "/", "-m", ""));
  }

  @Test
  public void outputDirectoryDefaultsToTheRoot() {
    DepmodOptions o = DepmodOptions.parse(List.of("-b", "r", "-m", "/m", "-o", "out"), false).options();
    Directories d = Directories.of(o, "2.0", "/w");
    assertEquals(new Directories("2.0", "/w/r/m/2.0", "/w/out/m/2.0"), d);
    DepmodOptions noOut = DepmodOptions.parse(List.of("-b", "r"), false).options();
    assertEquals("/w/r/lib/modules/2.0", Directories.of(noOut, "2.0", "/w").outdirname());
  }

  @Test
  public void pathTooLong() {
    String longDir = "/" + "x".repeat(4080);
    DepmodOptions fits = DepmodOptions.parse(List.of("-b", "/" + "x".repeat(4078), "-m", ""), false).options();
    // "/xxx...x" (4079) + "/" + "" + "/" + "1.0" = 4084 < 4096
    assertNull(Directories.of(fits, "1.0", "/w").tooLong());
    DepmodOptions o = DepmodOptions.parse(List.of("-o", longDir), false).options();
    Directories d = Directories.of(o, "1.0", "/w");
    assertEquals(longDir + "/lib/modules/1.0", d.tooLong());
  }
}
