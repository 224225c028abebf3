package dev.beamdepmod.config;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;

public class ConfigFileOrderTest {
  @Test
  public void sortedByNameOnlyAndEarlierPathsShadowLaterOnes() {
    // same situation as the oracle run with -C ./d1 -C ./d2 -C ./d3/z -C /nonexist -C d3/c.conf
    assertEquals(
        List.of("./d1/a.conf", "./d2/b.conf", "d3/c.conf", "./d3/z"),
        ConfigFileOrder.sortAndShadow(
            List.of("./d1/a.conf", "./d2/a.conf", "./d2/b.conf", "./d3/z", "d3/c.conf")));
  }

  @Test
  public void comparesBytesUnsigned() {
    assertEquals(
        List.of("/x/B.conf", "/x/a.conf", "/y/\u00e9.conf"),
        ConfigFileOrder.sortAndShadow(List.of("/y/\u00e9.conf", "/x/a.conf", "/x/B.conf")));
  }

  @Test
  public void nameIsTheTextAfterTheLastSlash() {
    assertEquals("p.conf", ConfigFileOrder.name("c4/p.conf"));
    assertEquals("p.conf", ConfigFileOrder.name("p.conf"));
    assertEquals("x.conf", ConfigFileOrder.name("d//x.conf"));
  }
}
