package dev.beamdepmod.resolve;

import static org.junit.Assert.assertEquals;

import dev.beamdepmod.config.DepmodMessage;
import java.util.List;
import org.junit.Test;

/** docs/depmod-rules.md §8.1 points 1 and 2 (details verified against the reference depmod). */
public class KernelSymbolsTest {
  private static final String SYMVERS = "0x00000005\tvmsym\tvmlinux\tEXPORT_SYMBOL\n"
      + "0x00000077\tmodule_layout\tvmlinux\tEXPORT_SYMBOL\n"
      + "0x1\tthreefields\tvmlinux\n"
      + "0xZZ\tbadcrc\tvmlinux\tEXPORT_SYMBOL\n"
      + "0x1 elsewhere drivers/x EXPORT_SYMBOL\n"
      + "0x1FFFFFFFFFFFFFFFF\tbig\tvmlinux\tX\n"
      + "zz\tbad\tvmlinux\tX\n"
      + "-1  \t neg vmlinux X\n"
      + "12 _pre vmlinux X\n";

  @Test
  public void symversKeepsVmlinuxLinesWithFourFields() {
    KernelSymbols k = KernelSymbols.parseSymvers("Module.symvers", Run.latin1(SYMVERS), (char) 0);
    assertEquals(List.of(new KernelSymbols.Symbol("vmsym", 5), new KernelSymbols.Symbol("module_layout", 0x77),
        new KernelSymbols.Symbol("big", -1L), new KernelSymbols.Symbol("neg", -1L),
        new KernelSymbols.Symbol("_pre", 0x12)), k.symbols());
    assertEquals(true, k.fromSymvers());
  }

  @Test
  public void invalidVersionsShowTheStaleErrno() {
    // ENOENT as observed, until a CRC overflowed and left ERANGE behind
    KernelSymbols k = KernelSymbols.parseSymvers("Module.symvers", Run.latin1(SYMVERS), (char) 0);
    assertEquals(List.of(
        "depmod: ERROR: Module.symvers:4 Invalid symbol version 0xZZ: No such file or directory",
        "depmod: ERROR: Module.symvers:7 Invalid symbol version zz: Numerical result out of range"),
        lines(k));
  }

  @Test
  public void symversDropsOnePrefixCharacter() {
    KernelSymbols k = KernelSymbols.parseSymvers("s", Run.latin1(SYMVERS), '_');
    assertEquals(new KernelSymbols.Symbol("pre", 0x12), k.symbols().get(k.symbols().size() - 1));
  }

  @Test
  public void systemMapTakesKsymtabEntriesAfterTheSecondSingleSpace() {
    String map = "ffff T ___ksymtab__foo\n"
        + "ffff T __ksymtab__bar\n"
        + "noline\n"
        + "ffff  T  __ksymtab_dbl\n"
        + "ffff T __ksymtab_plain\n"
        + "ffff R __kstrtab_plain\n"
        + "\n"
        + "ffff T __ksymtab_last";
    KernelSymbols plain = KernelSymbols.parseSystemMap("f1/System.map", Run.latin1(map), (char) 0);
    assertEquals(List.of(new KernelSymbols.Symbol("_bar", 0), new KernelSymbols.Symbol("plain", 0),
        new KernelSymbols.Symbol("last", 0)), plain.symbols());
    // the line keeps its newline: an empty line follows each message on stderr
    assertEquals(List.of("depmod: ERROR: f1/System.map:3: invalid line: noline\n",
        "depmod: ERROR: f1/System.map:7: invalid line: \n"), lines(plain));
    assertEquals(false, plain.fromSymvers());
    // with -P _ one '_' goes before the __ksymtab_ test, and none after it
    KernelSymbols prefixed = KernelSymbols.parseSystemMap("f1/System.map", Run.latin1(map), '_');
    assertEquals(List.of(new KernelSymbols.Symbol("_foo", 0)), prefixed.symbols());
  }

  @Test
  public void longLinesAreReadInPiecesOfTheFgetsBuffer() {
    String longName = "x".repeat(10300);
    String map = "ffff T __ksymtab_" + longName + "\n";
    KernelSymbols k = KernelSymbols.parseSystemMap("m", Run.latin1(map), (char) 0);
    // first piece: 10239 bytes without newline; the rest is a second, invalid, line
    assertEquals(10239 - "ffff T __ksymtab_".length(), k.symbols().get(0).name().length());
    assertEquals(1, lines(k).size());
    assertEquals("depmod: ERROR: m:2: invalid line: " + "x".repeat(10300 + 17 - 10239) + "\n", lines(k).get(0));
  }

  private static List<String> lines(KernelSymbols k) {
    return k.messages().stream().map(DepmodMessage::line).toList();
  }
}
