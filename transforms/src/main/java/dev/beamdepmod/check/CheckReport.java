package dev.beamdepmod.check;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.beamdepmod.diff.AvroFiles;
import dev.beamdepmod.diff.Text;
import dev.beamdepmod.schema.CheckResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of {@code beam-depmod check} for people and machines: a Markdown matrix (modules x
 * kernels, a mark per cell, the reasons below), report.json, a self-contained report.html and the
 * Avro records. Results are ordered by file, then kernel.
 */
public final class CheckReport {
  public static final String FORMAT = "beam-depmod-check";
  public static final int FORMAT_VERSION = 1;
  public static final String JSON = "report.json";
  public static final String HTML = "report.html";
  public static final String RECORDS = "results.avro";

  private final List<CheckResult> results;
  private final List<String> files = new ArrayList<>();
  private final List<String> kernels = new ArrayList<>();

  public CheckReport(List<CheckResult> results) {
    this.results = new ArrayList<>(results);
    this.results.sort(Comparator.comparing(CheckResult::getFile).thenComparing(CheckResult::getKernel));
    for (CheckResult r : this.results) {
      if (!files.contains(r.getFile())) files.add(r.getFile());
      if (!kernels.contains(r.getKernel())) kernels.add(r.getKernel());
    }
    kernels.sort(Comparator.naturalOrder());
  }

  public List<CheckResult> results() {
    return results;
  }

  public boolean allLoad() {
    return results.stream().allMatch(CheckResult::getLoads);
  }

  /** The reasons a pair does not load (or would load with reservations), one line each. */
  public static List<String> reasons(CheckResult r) {
    List<String> out = new ArrayList<>();
    if (r.getElfMismatch() != null) out.add("ELF: " + r.getElfMismatch());
    if (r.getVermagicMismatch() != null) out.add("vermagic: " + r.getVermagicMismatch());
    if (!r.getUnknownSymbols().isEmpty()) out.add("unknown symbols: " + String.join(", ", r.getUnknownSymbols()));
    if (!r.getCrcMismatches().isEmpty()) out.add("CRC mismatches: " + String.join(", ", r.getCrcMismatches()));
    if (!r.getMissingNamespaces().isEmpty()) {
      out.add("namespaces not imported: " + String.join(", ", r.getMissingNamespaces()));
    }
    if (!r.getGplOnlySymbols().isEmpty()) {
      out.add("GPL-only symbols for a non-GPL license: " + String.join(", ", r.getGplOnlySymbols()));
    }
    if (r.getThisModuleSizeMismatch() != null) out.add("struct module size: " + r.getThisModuleSizeMismatch());
    for (String n : r.getNotes()) out.add("note: " + n);
    return out;
  }

  public String markdown() {
    StringBuilder out = new StringBuilder("# Will it load?\n\n");
    out.append("| module | file |");
    for (String k : kernels) out.append(' ').append(Text.code(k)).append(" |");
    out.append("\n|---|---|").append("---|".repeat(kernels.size())).append('\n');
    Map<String, Map<String, CheckResult>> grid = grid();
    for (String f : files) {
      Map<String, CheckResult> row = grid.get(f);
      out.append("| ").append(Text.code(row.values().iterator().next().getModule())).append(" | ")
          .append(Text.code(f)).append(" |");
      for (String k : kernels) {
        CheckResult r = row.get(k);
        out.append(' ').append(r == null ? "" : r.getLoads() ? "✅" : "❌").append(" |");
      }
      out.append('\n');
    }
    long failing = results.stream().filter(r -> !r.getLoads()).count();
    out.append('\n').append(results.size() - failing).append(" of ").append(results.size()).append(" pairs load.\n");
    for (CheckResult r : results) {
      List<String> reasons = reasons(r);
      if (reasons.isEmpty()) continue;
      out.append("\n## ").append(Text.human(r.getModule())).append(" on ").append(Text.human(r.getKernel()))
          .append(r.getLoads() ? " (loads)" : " (does not load)").append("\n\n");
      for (String line : reasons) out.append("- ").append(Text.human(line)).append('\n');
    }
    return out.toString();
  }

  private Map<String, Map<String, CheckResult>> grid() {
    Map<String, Map<String, CheckResult>> grid = new LinkedHashMap<>();
    for (CheckResult r : results) grid.computeIfAbsent(r.getFile(), f -> new LinkedHashMap<>()).put(r.getKernel(), r);
    return grid;
  }

  /**
   * report.json: {@code format}, {@code formatVersion}, {@code strings} ("bytes-as-latin1"),
   * {@code kernels}, {@code files}, {@code results}: one object per pair with every field of
   * check-result.avsc in its order.
   */
  public String json() {
    StringBuilder out = new StringBuilder();
    out.append("{\n  \"format\": \"").append(FORMAT).append("\",\n  \"formatVersion\": ").append(FORMAT_VERSION)
        .append(",\n  \"strings\": \"bytes-as-latin1\",\n  \"kernels\": ");
    list(out, kernels);
    out.append(",\n  \"files\": ");
    list(out, files);
    out.append(",\n  \"results\": [");
    for (int i = 0; i < results.size(); i++) {
      CheckResult r = results.get(i);
      out.append(i == 0 ? "\n" : ",\n").append("    {");
      boolean first = true;
      for (org.apache.avro.Schema.Field f : CheckResult.getClassSchema().getFields()) {
        out.append(first ? "" : ", ").append('"').append(f.name()).append("\": ");
        first = false;
        Object v = r.get(f.pos());
        if (v instanceof List<?> l) {
          list(out, l.stream().map(Object::toString).toList());
        } else if (v instanceof Boolean b) {
          out.append(b);
        } else {
          Text.json(out, v == null ? null : v.toString());
        }
      }
      out.append('}');
    }
    out.append(results.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
    return out.toString();
  }

  private static void list(StringBuilder out, List<String> items) {
    out.append('[');
    for (int i = 0; i < items.size(); i++) {
      out.append(i == 0 ? "" : ", ");
      Text.json(out, items.get(i));
    }
    out.append(']');
  }

  /** report.html: the matrix and the reasons, no external resources. */
  public String html() {
    StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
        + "<title>beam-depmod check</title><style>body{font-family:sans-serif}table{border-collapse:collapse}"
        + "td,th{border:1px solid #ccc;padding:2px 6px}.ok{background:#dfd}.no{background:#fdd}</style></head><body>\n"
        + "<h1>Will it load?</h1>\n<table><tr><th>module</th><th>file</th>");
    for (String k : kernels) out.append("<th>").append(Text.html(Text.human(k))).append("</th>");
    out.append("</tr>\n");
    Map<String, Map<String, CheckResult>> grid = grid();
    for (String f : files) {
      Map<String, CheckResult> row = grid.get(f);
      out.append("<tr><td>").append(Text.html(Text.human(row.values().iterator().next().getModule())))
          .append("</td><td>").append(Text.html(Text.human(f))).append("</td>");
      for (String k : kernels) {
        CheckResult r = row.get(k);
        if (r == null) {
          out.append("<td></td>");
        } else {
          out.append("<td class=\"").append(r.getLoads() ? "ok" : "no").append("\" title=\"")
              .append(Text.html(Text.human(String.join("\n", reasons(r))))).append("\">")
              .append(r.getLoads() ? "loads" : "does not load").append("</td>");
        }
      }
      out.append("</tr>\n");
    }
    out.append("</table>\n");
    for (CheckResult r : results) {
      List<String> reasons = reasons(r);
      if (reasons.isEmpty()) continue;
      out.append("<h2>").append(Text.html(Text.human(r.getModule() + " on " + r.getKernel()))).append("</h2>\n<ul>");
      for (String line : reasons) out.append("<li>").append(Text.html(Text.human(line))).append("</li>");
      out.append("</ul>\n");
    }
    return out.append("</body></html>\n").toString();
  }

  /** The files of --output by name. */
  public Map<String, byte[]> files() {
    Map<String, byte[]> out = new LinkedHashMap<>();
    out.put(JSON, json().getBytes(UTF_8));
    out.put(HTML, html().getBytes(UTF_8));
    ByteArrayOutputStream avro = new ByteArrayOutputStream();
    try {
      AvroFiles.write(CheckResult.getClassSchema(), results, avro);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.put(RECORDS, avro.toByteArray());
    return out;
  }
}
