package dev.beamdepmod.diff;

import dev.beamdepmod.schema.Change;
import dev.beamdepmod.schema.Lifetime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * report.html: one self-contained page (no external resource) with the summary table, a chart of
 * the changes per step (inline SVG, series of more than two kernels), and the changes (and
 * lifetimes) as sortable, filterable tables filled by a small script from data embedded as JSON.
 * Names are shown for people (UTF-8 when valid, else \xNN escapes).
 */
public final class HtmlReport {
  /** Chart groups: a category belongs to the first group one of whose prefixes starts its id. */
  private static final String[][] GROUPS = {
      {"Modules", "#0969da", "modules-"},
      {"Symbols", "#cf222e", "symbols-", "crc-", "namespace-"},
      {"Dependencies", "#8250df", "deps-", "cycles-"},
      {"Aliases", "#1a7f37", "aliases-"},
      {"Firmware", "#bf8700", "firmware-"},
      {"Softdeps and weakdeps", "#57606a", "softdeps-", "weakdeps-"},
      {"Parameters", "#e16f24", "params-"}};

  private HtmlReport() {}

  public static String render(SeriesReport report) {
    boolean series = report.steps().size() > 1;
    String title = "Kernel " + (series ? "series" : "comparison") + ": "
        + String.join(" → ", report.kernels().stream().map(Text::human).toList());
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<link rel=\"icon\" href=\"data:,\">\n")
        .append("<title>").append(Text.html(title)).append("</title>\n<style>\n")
        .append(resource("report.css")).append("</style>\n</head>\n<body>\n")
        .append("<h1>").append(Text.html(title)).append("</h1>\n");
    summary(out, report, series);
    if (series) {
      chart(out, report);
    }
    changes(out, report, series);
    if (report.hasLifetimes()) {
      lifetimes(out);
    }
    out.append("<script type=\"application/json\" id=\"report-data\">");
    data(out, report);
    out.append("</script>\n<script>\n").append(resource("report.js")).append("</script>\n</body>\n</html>\n");
    return out.toString();
  }

  private static void summary(StringBuilder out, SeriesReport report, boolean series) {
    out.append("<h2>Summary</h2>\n<table id=\"summary-table\" class=\"static\">\n<thead><tr>")
        .append("<th>Category</th><th>Meaning</th>");
    for (SeriesReport.Step s : report.steps()) {
      out.append("<th class=\"num\">").append(Text.html(stepLabel(s))).append("</th>");
    }
    if (series) {
      out.append("<th class=\"num\">Total</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    List<Map<Category, Integer>> counts = report.steps().stream().map(SeriesReport.Step::counts).toList();
    Map<Category, Integer> totals = report.totals();
    for (Category c : Category.values()) {
      out.append(totals.get(c) == 0 ? "<tr class=\"zero\">" : "<tr>")
          .append("<td>").append(c.id()).append("</td><td class=\"meaning\">")
          .append(Text.html(c.title())).append("</td>");
      counts.forEach(m -> out.append("<td class=\"num\">").append(m.get(c)).append("</td>"));
      if (series) {
        out.append("<td class=\"num\">").append(totals.get(c)).append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n<tfoot><tr><td>all</td><td class=\"meaning\"></td>");
    report.steps().forEach(s -> out.append("<td class=\"num\">").append(s.changes().size()).append("</td>"));
    if (series) {
      out.append("<td class=\"num\">").append(report.changes().size()).append("</td>");
    }
    out.append("</tr></tfoot>\n</table>\n");
  }

  private static String stepLabel(SeriesReport.Step s) {
    return Text.human(s.base()) + " → " + Text.human(s.head());
  }

  /** Stacked bars, one per step, one colour per group of categories. */
  private static void chart(StringBuilder out, SeriesReport report) {
    List<SeriesReport.Step> steps = report.steps();
    int[][] values = new int[steps.size()][GROUPS.length];
    int max = 1;
    for (int i = 0; i < steps.size(); i++) {
      for (Map.Entry<Category, Integer> e : steps.get(i).counts().entrySet()) {
        values[i][group(e.getKey())] += e.getValue();
      }
      max = Math.max(max, steps.get(i).changes().size());
    }
    int left = 60;
    int bar = 36;
    int gap = 28;
    int plot = 240;
    int top = 12;
    int width = left + steps.size() * (bar + gap) + 20;
    int height = top + plot + 120;
    out.append("<h2>Changes across the series</h2>\n<svg id=\"series-chart\" ")
        .append("width=\"").append(width).append("\" height=\"").append(height)
        .append("\" role=\"img\" aria-label=\"Changes per step\">\n");
    for (int t = 0; t <= 4; t++) {
      int y = top + plot - plot * t / 4;
      out.append("<line x1=\"").append(left).append("\" x2=\"").append(width - 10).append("\" y1=\"").append(y)
          .append("\" y2=\"").append(y).append("\" stroke=\"#d0d7de\"/>")
          .append("<text x=\"").append(left - 6).append("\" y=\"").append(y + 4).append("\" text-anchor=\"end\">")
          .append((long) max * t / 4).append("</text>\n");
    }
    for (int i = 0; i < steps.size(); i++) {
      int x = left + gap / 2 + i * (bar + gap);
      int base = top + plot;
      for (int g = 0; g < GROUPS.length; g++) {
        int h = (int) Math.round((double) values[i][g] * plot / max);
        if (values[i][g] == 0) {
          continue;
        }
        out.append("<rect x=\"").append(x).append("\" y=\"").append(base - h).append("\" width=\"").append(bar)
            .append("\" height=\"").append(Math.max(h, 1)).append("\" fill=\"").append(GROUPS[g][1]).append("\"><title>")
            .append(Text.html(stepLabel(steps.get(i)) + ": " + GROUPS[g][0] + " " + values[i][g]))
            .append("</title></rect>\n");
        base -= h;
      }
      int labelY = top + plot + 14;
      out.append("<text x=\"").append(x + bar / 2).append("\" y=\"").append(labelY)
          .append("\" text-anchor=\"end\" transform=\"rotate(-35 ").append(x + bar / 2).append(' ').append(labelY)
          .append(")\">").append(Text.html(Text.human(steps.get(i).head()))).append("</text>\n");
    }
    out.append("</svg>\n<p class=\"legend\">");
    for (String[] g : GROUPS) {
      out.append("<span><i style=\"background:").append(g[1]).append("\"></i>").append(Text.html(g[0])).append("</span>");
    }
    out.append("</p>\n");
  }

  private static int group(Category c) {
    for (int g = 0; g < GROUPS.length; g++) {
      for (int p = 2; p < GROUPS[g].length; p++) {
        if (c.id().startsWith(GROUPS[g][p])) {
          return g;
        }
      }
    }
    throw new IllegalStateException("no chart group for " + c.id());
  }

  private static void changes(StringBuilder out, SeriesReport report, boolean series) {
    out.append("<h2>Changes</h2>\n<div class=\"controls\">")
        .append("<input type=\"search\" id=\"changes-filter\" placeholder=\"Filter (any column)\" aria-label=\"Filter changes\">")
        .append("<select id=\"changes-category\" aria-label=\"Category\"><option value=\"\">all categories</option>");
    for (Category c : Category.values()) {
      out.append("<option value=\"").append(c.ordinal()).append("\">").append(c.id()).append("</option>");
    }
    out.append("</select>");
    if (series) {
      out.append("<select id=\"changes-step\" aria-label=\"Step\"><option value=\"\">all steps</option>");
      for (int i = 0; i < report.steps().size(); i++) {
        out.append("<option value=\"").append(i).append("\">")
            .append(Text.html(stepLabel(report.steps().get(i)))).append("</option>");
      }
      out.append("</select>");
    }
    out.append("<span class=\"status\" id=\"changes-status\"></span></div>\n")
        .append("<table id=\"changes-table\"><thead><tr></tr></thead><tbody></tbody></table>\n");
  }

  private static void lifetimes(StringBuilder out) {
    out.append("<h2>Exported symbols and aliases across the series</h2>\n<div class=\"controls\">")
        .append("<input type=\"search\" id=\"lifetimes-filter\" placeholder=\"Filter (any column)\" aria-label=\"Filter lifetimes\">")
        .append("<select id=\"lifetimes-kind\" aria-label=\"Kind\"><option value=\"\">symbols and aliases</option>")
        .append("<option value=\"symbol\">symbols</option><option value=\"alias\">aliases</option></select>")
        .append("<label><input type=\"checkbox\" id=\"lifetimes-partial\" checked> only those not in every kernel</label>")
        .append("<span class=\"status\" id=\"lifetimes-status\"></span></div>\n")
        .append("<table id=\"lifetimes-table\"><thead><tr></tr></thead><tbody></tbody></table>\n");
  }

  /** The embedded data: kernels, steps, category ids, changes and lifetimes as arrays of people's text. */
  private static void data(StringBuilder out, SeriesReport report) {
    out.append("{\"kernels\":[");
    Map<String, Integer> kernelIndex = new HashMap<>();
    for (int i = 0; i < report.kernels().size(); i++) {
      kernelIndex.putIfAbsent(report.kernels().get(i), i);
      Text.json(out.append(i == 0 ? "" : ","), Text.human(report.kernels().get(i)));
    }
    out.append("],\n\"steps\":[");
    for (int i = 0; i < report.steps().size(); i++) {
      SeriesReport.Step s = report.steps().get(i);
      out.append(i == 0 ? "[" : ",[");
      Text.json(out, Text.human(s.base()));
      Text.json(out.append(','), Text.human(s.head()));
      out.append(']');
    }
    out.append("],\n\"categories\":[");
    for (Category c : Category.values()) {
      out.append(c.ordinal() == 0 ? "\"" : ",\"").append(c.id()).append('"');
    }
    out.append("],\n\"changes\":[");
    boolean first = true;
    for (int i = 0; i < report.steps().size(); i++) {
      for (Change c : report.steps().get(i).changes()) {
        out.append(first ? "\n[" : ",\n[").append(i).append(',').append(Category.of(c.getCategory()).ordinal());
        for (String value : new String[] {c.getModule(), c.getItem(), c.getOldValue(), c.getNewValue()}) {
          Text.json(out.append(','), value == null ? null : Text.human(value));
        }
        out.append(']');
        first = false;
      }
    }
    out.append("],\n\"lifetimes\":");
    if (!report.hasLifetimes()) {
      out.append("null}");
      return;
    }
    out.append('[');
    first = true;
    for (Lifetime l : report.lifetimes()) {
      Text.json(out.append(first ? "\n[" : ",\n["), l.getKind());
      Text.json(out.append(','), Text.human(l.getName()));
      out.append(',').append(kernelIndex.get(l.getFirst())).append(',').append(kernelIndex.get(l.getLast()))
          .append(',').append(l.getPresent());
      Text.json(out.append(','), Text.human(l.getModule()));
      out.append(']');
      first = false;
    }
    out.append("]}");
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
