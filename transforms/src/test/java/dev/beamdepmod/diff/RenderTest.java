package dev.beamdepmod.diff;

import static dev.beamdepmod.diff.Snap.module;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beamdepmod.schema.Change;
import dev.beamdepmod.schema.KernelSnapshot;
import dev.beamdepmod.schema.Lifetime;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The Markdown, JSON, HTML and Avro outputs. */
public class RenderTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private static SeriesReport fixturePair() {
    return SeriesReport.of(List.of(FixtureDiffTest.base(), FixtureDiffTest.head()), false);
  }

  /** Names with Markdown, HTML and script syntax, and bytes that are not UTF-8. */
  private static SeriesReport oddNames() {
    KernelSnapshot base = Snap.kernel("v1").add(module("plain", "kernel/plain.ko")).build();
    KernelSnapshot head = Snap.kernel("v2").add(module("plain", "kernel/plain.ko")
        .setAliases(List.of("a|b`c", "</script><b>x", "caf\u00c3\u00a9", "raw\u00e9\u0001"))).build();
    return SeriesReport.of(List.of(base, head), false);
  }

  private static List<String> lines(String text) {
    return List.of(text.split("\n"));
  }

  @Test
  public void markdownSummaryListsEveryCategory() {
    List<String> md = lines(MarkdownReport.render(fixturePair()));
    assertEquals("# Kernel comparison: `1.0` → `2.0`", md.get(0));
    assertEquals("| Category | Meaning | Changes |", md.get(2));
    for (Category c : Category.values()) {
      assertThat(md, hasItem(containsString("| `" + c.id() + "` | " + c.title() + " | ")));
    }
    assertThat(md, hasItem("| `crc-changed` | Symbol CRCs changed | 1 |"));
    assertThat(md, hasItem("| **All** | | **" + FixtureDiffTest.EXPECTED.size() + "** |"));
  }

  @Test
  public void markdownChangeLines() {
    List<String> md = lines(MarkdownReport.render(fixturePair()));
    assertThat(md, hasItem("## `1.0` → `2.0`"));
    assertThat(md, hasItem("### Modules renamed (`modules-renamed`: 1)"));
    assertThat(md, hasItem("- `fx_chain_c` → `fx_chain_c_new`: `kernel/chain/fx_chain_c.ko` → `kernel/chain/fx_chain_c_new.ko`"));
    assertThat(md, hasItem("- `fx_weak`: `kernel/misc/fx_weak.ko` → `kernel/weak/fx_weak.ko`"));
    assertThat(md, hasItem("- `fx_twin1` `fx_twin_fn`: `0xbcde43f2` → `0x5738a5d8`"));
    assertThat(md, hasItem("- `fx_prefix_user` needs `fx_plain` (exported by `fx_prefix` before)"));
    assertThat(md, hasItem("- `fx_stale` → `fx_twin1`"));
    assertThat(md, hasItem("- `fx_cyc_a fx_cyc_b`"));
    assertThat(md, hasItem("- `fx_lonely` `mode`: `charp`"));
    assertThat(md, hasItem("- `fx_devname` `devname:fxdev`"));
    assertFalse(String.join("\n", md).contains("Truncated"));
  }

  @Test
  public void markdownEscapesNamesAndShowsUtf8() {
    List<String> md = lines(MarkdownReport.render(oddNames()));
    assertThat(md, hasItem("- `plain` ``a\\|b`c``"));
    assertThat(md, hasItem("- `plain` `</script><b>x`"));
    assertThat(md, hasItem("- `plain` `café`"));
    assertThat(md, hasItem("- `plain` `raw\\xe9\\x01`"));
  }

  @Test
  public void markdownIsBoundedWithANote() {
    String full = MarkdownReport.render(fixturePair());
    String cut = MarkdownReport.render(fixturePair(), 12, 2);
    int summaryLines = 4 + Category.values().length + 1;
    assertThat(lines(cut).size(), lessThanOrEqualTo(summaryLines + 12 + 3));
    assertThat(cut, containsString("\n- … 1 more\n"));
    assertTrue(cut, cut.endsWith("_Truncated: " + countItems(cut) + " of " + FixtureDiffTest.EXPECTED.size()
        + " changes listed; report.json and report.html have them all._\n"));
    assertTrue(full.length() > cut.length());
  }

  private static long countItems(String md) {
    return lines(md).stream().filter(l -> l.startsWith("- ") && !l.startsWith("- … ")).count();
  }

  @Test
  public void markdownOfASeriesHasAColumnPerStepAndTheLifetimes() {
    String md = MarkdownReport.render(SeriesReport.of(SeriesReportTest.series(), true));
    assertThat(md, containsString("# Kernel series: `k1` → `k2` → `k3`\n"));
    assertThat(md, containsString("| Category | Meaning | `k1` → `k2` | `k2` → `k3` | Total |\n"));
    assertThat(md, containsString("| `symbols-removed` | Exported symbols removed | 1 | 1 | 2 |\n"));
    assertThat(md, containsString("| in every kernel | 0 | 0 |\n| added after `k1` | 1 | 1 |\n"
        + "| gone before `k3` | 1 | 1 |\n| missing in between | 1 | 0 |\n"));
    assertThat(md, containsString("- symbol `s2` (`m`): `k1` … `k2`\n"));
  }

  @Test
  public void jsonHasStableKeysAndEveryChange() throws IOException {
    SeriesReport report = fixturePair();
    JsonNode json = new ObjectMapper().readTree(JsonReport.render(report));
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("format", "formatVersion", "strings", "kernels", "categories", "totals", "steps",
        "lifetimes"), keys);
    assertEquals("beam-depmod-diff", json.get("format").asText());
    assertEquals(1, json.get("formatVersion").asInt());
    assertEquals("1.0", json.get("kernels").get(0).asText());
    assertEquals(Category.values().length, json.get("categories").size());
    assertEquals("Symbol CRCs changed", json.get("categories").get(Category.CRC_CHANGED.ordinal()).get("title").asText());
    assertEquals(1, json.get("totals").get("crc-changed").asInt());
    assertTrue(json.get("lifetimes").isNull());
    JsonNode step = json.get("steps").get(0);
    assertEquals("2.0", step.get("head").asText());
    assertEquals(Category.values().length, step.get("counts").size());
    JsonNode changes = step.get("changes");
    assertEquals(FixtureDiffTest.EXPECTED.size(), changes.size());
    List<String> texts = new ArrayList<>();
    changes.forEach(c -> texts.add(String.join(" | ", c.get("category").asText(), c.get("module").asText(),
        c.get("item").asText(), c.get("old").asText(), c.get("new").asText())));
    assertEquals(FixtureDiffTest.EXPECTED, texts);
  }

  @Test
  public void jsonStringsAreByteStrings() throws IOException {
    String text = JsonReport.render(oddNames());
    assertTrue(text.chars().allMatch(c -> c < 0x7F));
    JsonNode changes = new ObjectMapper().readTree(text).get("steps").get(0).get("changes");
    List<String> items = new ArrayList<>();
    changes.forEach(c -> items.add(c.get("item").asText()));
    assertThat(items, hasItem("caf\u00c3\u00a9"));
    assertThat(items, hasItem("raw\u00e9\u0001"));
    assertThat(items, hasItem("</script><b>x"));
  }

  @Test
  public void jsonOfASeriesHasTheLifetimes() throws IOException {
    JsonNode lifetimes = new ObjectMapper().readTree(JsonReport.render(SeriesReport.of(SeriesReportTest.series(), true)))
        .get("lifetimes");
    assertEquals(5, lifetimes.size());
    assertEquals("{\"kind\":\"symbol\",\"name\":\"s1\",\"first\":\"k1\",\"last\":\"k3\",\"present\":2,\"module\":\"m\"}",
        lifetimes.get(0).toString());
  }

  /** The JSON between the data script's tags. */
  private static JsonNode htmlData(String html) throws IOException {
    String open = "<script type=\"application/json\" id=\"report-data\">";
    int start = html.indexOf(open) + open.length();
    return new ObjectMapper().readTree(html.substring(start, html.indexOf("</script>", start)));
  }

  @Test
  public void htmlIsSelfContained() {
    String html = HtmlReport.render(SeriesReport.of(SeriesReportTest.series(), true));
    assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"));
    for (String external : new String[] {" src=", "http", "@import", "url("}) {
      assertFalse(external, html.contains(external));
    }
    assertEquals(1, html.split("href=", -1).length - 1);
    assertThat(html, containsString("<link rel=\"icon\" href=\"data:,\">"));
    assertTrue(html.endsWith("</script>\n</body>\n</html>\n"));
  }

  @Test
  public void htmlEmbedsTheChangesAsDataForPeople() throws IOException {
    String html = HtmlReport.render(oddNames());
    JsonNode data = htmlData(html);
    assertEquals("v1", data.get("kernels").get(0).asText());
    assertEquals(1, data.get("steps").size());
    List<String> items = new ArrayList<>();
    data.get("changes").forEach(c -> items.add(c.get(3).asText()));
    assertEquals(List.of("</script><b>x", "a|b`c", "café", "raw\\xe9\\x01"), items);
    assertEquals(Category.ALIASES_ADDED.ordinal(), data.get("changes").get(0).get(1).asInt());
    assertTrue(data.get("lifetimes").isNull());
    assertFalse(html.contains("<b>x"));
    assertFalse(html.contains("<svg"));
    assertFalse(html.contains("id=\"lifetimes-table\""));
  }

  @Test
  public void htmlSummaryAndSeriesChart() throws IOException {
    SeriesReport report = SeriesReport.of(SeriesReportTest.series(), true);
    String html = HtmlReport.render(report);
    for (Category c : Category.values()) {
      assertThat(html, containsString("<td>" + c.id() + "</td>"));
    }
    assertThat(html, containsString("<th class=\"num\">k1 → k2</th><th class=\"num\">k2 → k3</th><th class=\"num\">Total</th>"));
    assertThat(html, containsString("<svg id=\"series-chart\""));
    assertThat(html, containsString("<title>k1 → k2: Symbols 2</title>"));
    assertThat(html, containsString("id=\"lifetimes-table\""));
    JsonNode data = htmlData(html);
    assertEquals(report.changes().size(), data.get("changes").size());
    assertEquals("[\"symbol\",\"s1\",0,2,2,\"m\"]", data.get("lifetimes").get(0).toString());
  }

  @Test
  public void reportFilesWithAvroRecords() throws IOException {
    SeriesReport pair = fixturePair();
    Path dir = tmp.getRoot().toPath().resolve("out");
    Files.createDirectories(dir);
    for (Map.Entry<String, byte[]> f : ReportFiles.render(pair).entrySet()) Files.write(dir.resolve(f.getKey()), f.getValue());
    try (var files = Files.list(dir)) {
      assertEquals(List.of("changes.avro", "report.html", "report.json", "report.md"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertEquals(MarkdownReport.render(pair), Files.readString(dir.resolve(ReportFiles.MARKDOWN)));
    List<Change> changes = records(Files.newInputStream(dir.resolve(ReportFiles.CHANGES)), Change.class);
    assertEquals(pair.changes(), changes);
    SeriesReport series = SeriesReport.of(SeriesReportTest.series(), true);
    Map<String, byte[]> files = ReportFiles.render(series);
    assertEquals(List.of("report.md", "report.json", "report.html", "changes.avro", "lifetimes.avro"),
        List.copyOf(files.keySet()));
    assertEquals(series.lifetimes(),
        records(new ByteArrayInputStream(files.get(ReportFiles.LIFETIMES)), Lifetime.class));
  }

  /** The records of changes.avro (or lifetimes.avro with Lifetime.class). */
  static <T> List<T> records(java.io.InputStream in, Class<T> type) throws java.io.IOException {
    List<T> records = new java.util.ArrayList<>();
    try (org.apache.avro.file.DataFileStream<T> stream =
        new org.apache.avro.file.DataFileStream<>(in, new org.apache.avro.specific.SpecificDatumReader<>(type))) {
      stream.forEach(records::add);
    }
    return records;
  }
}
