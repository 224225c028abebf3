package dev.beamdepmod.check;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import dev.beamdepmod.schema.CheckResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.Test;

public class CheckReportTest {
  private static CheckResult result(String module, String kernel, boolean loads, List<String> unknown) {
    return CheckResult.newBuilder().setModule(module).setFile(module + ".ko").setKernel(kernel).setLoads(loads)
        .setUnknownSymbols(unknown).build();
  }

  @Test
  public void matrixReasonsAndJson() {
    CheckReport report = new CheckReport(List.of(
        result("b", "6.2", false, List.of("x", "y")), result("a", "6.2", true, List.of()), result("a", "6.1", true, List.of())));
    assertFalse(report.allLoad());
    String md = report.markdown();
    assertThat(md, containsString("| module | file | `6.1` | `6.2` |\n|---|---|---|---|\n| `a` | `a.ko` | ✅ | ✅ |\n"
        + "| `b` | `b.ko` |  | ❌ |\n"));
    assertThat(md, containsString("2 of 3 pairs load."));
    assertThat(md, containsString("## b on 6.2 (does not load)\n\n- unknown symbols: x, y\n"));
    assertThat(md, not(containsString("## a on")));
    String json = report.json();
    assertThat(json, containsString("\"kernels\": [\"6.1\", \"6.2\"]"));
    assertThat(json, containsString("{\"module\": \"b\", \"file\": \"b.ko\", \"kernel\": \"6.2\", \"loads\": false, "
        + "\"elfMismatch\": null, \"vermagicMismatch\": null, \"unknownSymbols\": [\"x\", \"y\"], \"crcMismatches\": [], "));
    assertTrue(report.html().contains("<td class=\"no\" title=\"unknown symbols: x, y\">does not load</td>"));
    assertEquals(List.of(CheckReport.JSON, CheckReport.HTML, CheckReport.RECORDS), List.copyOf(report.files().keySet()));
  }

  @Test
  public void failOnNames() {
    assertEquals(7, CheckId.parseList("all").size());
    assertEquals(List.of(CheckId.UNKNOWN_SYMBOLS, CheckId.CRC), List.copyOf(CheckId.parseList("crc,unknown-symbols")));
    try {
      CheckId.parseList("crc,nope");
      throw new AssertionError();
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage(), containsString("'nope'"));
    }
  }

  @Test
  public void kernelFilesByRelease() throws IOException {
    KernelFiles f = new KernelFiles();
    byte[] symvers = "0x1\tfoo\tvmlinux\tEXPORT_SYMBOL\t\n".getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
      z.write(symvers);
    }
    assertTrue(f.wants("usr/src/linux-headers-6.1.0-1-amd64/Module.symvers"));
    assertTrue(f.wants("boot/symvers-5.14.0-1.el9.x86_64.gz"));
    assertTrue(f.wants("boot/System.map-6.1.0-1-amd64"));
    assertFalse(f.wants("usr/src/linux-headers-6.1.0-1-amd64/Makefile"));
    f.offer("usr/src/linux-headers-6.1.0-1-amd64/Module.symvers", new ByteArrayInputStream(symvers));
    f.offer("boot/symvers-5.14.0-1.el9.x86_64.gz", new ByteArrayInputStream(gz.toByteArray()));
    assertEquals(new String(symvers, StandardCharsets.ISO_8859_1),
        new String(f.found("5.14.0-1.el9.x86_64").symvers, StandardCharsets.ISO_8859_1));
    assertNotNull(f.found("6.1.0-1-amd64").symvers);
    String module = "lib/modules/6.1.0-1-amd64/kernel/fx_core.ko";
    assertTrue(f.wants(module));
    f.offer(module, new ByteArrayInputStream(Files.readAllBytes(Path.of("../fixtures/modules/fx_core.ko"))));
    assertNotNull(f.found("6.1.0-1-amd64").elf);
    assertFalse("one module per release is enough", f.wants("lib/modules/6.1.0-1-amd64/kernel/other.ko"));
    assertNull(f.found("6.1.0-1-amd64").systemMap);
  }
}
