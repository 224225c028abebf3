package dev.beamdepmod.diff;

import dev.beamdepmod.schema.Change;
import dev.beamdepmod.schema.Lifetime;
import java.util.Map;

/**
 * report.json: the whole comparison for machines. Keys, always present, in this order:
 *
 * <pre>
 * format         "beam-depmod-diff"
 * formatVersion  1
 * strings        "bytes-as-latin1": every string is a byte string, one character (U+0000..U+00FF) per byte
 * kernels        kernel keys, oldest first
 * categories     [{id, title}] in report order
 * totals         {category id: count over all steps}, every category
 * steps          [{base, head, counts: {category id: count}, changes: [{category, module, item, old, new}]}]
 *                (item, old, new may be null; changes in KernelDiff.ORDER)
 * lifetimes      null without series mode, else [{kind, name, first, last, present, module}]
 *                (kind "symbol" or "alias"; symbols first, each kind by name)
 * </pre>
 */
public final class JsonReport {
  public static final String FORMAT = "beam-depmod-diff";
  public static final int FORMAT_VERSION = 1;

  private JsonReport() {}

  public static String render(SeriesReport report) {
    StringBuilder out = new StringBuilder();
    out.append("{\n  \"format\": \"").append(FORMAT).append("\",\n");
    out.append("  \"formatVersion\": ").append(FORMAT_VERSION).append(",\n");
    out.append("  \"strings\": \"bytes-as-latin1\",\n");
    out.append("  \"kernels\": [");
    for (int i = 0; i < report.kernels().size(); i++) {
      out.append(i == 0 ? "" : ", ");
      Text.json(out, report.kernels().get(i));
    }
    out.append("],\n  \"categories\": [");
    for (Category c : Category.values()) {
      out.append(c.ordinal() == 0 ? "\n" : ",\n").append("    {\"id\": \"").append(c.id())
          .append("\", \"title\": ");
      Text.json(out, c.title());
      out.append('}');
    }
    out.append("\n  ],\n  \"totals\": ");
    counts(out, report.totals());
    out.append(",\n  \"steps\": [");
    for (int i = 0; i < report.steps().size(); i++) {
      step(out.append(i == 0 ? "\n" : ",\n"), report.steps().get(i));
    }
    out.append("\n  ],\n  \"lifetimes\": ");
    if (report.hasLifetimes()) {
      out.append('[');
      boolean first = true;
      for (Lifetime l : report.lifetimes()) {
        out.append(first ? "\n    " : ",\n    ");
        first = false;
        lifetime(out, l);
      }
      out.append("\n  ]");
    } else {
      out.append("null");
    }
    return out.append("\n}\n").toString();
  }

  private static void counts(StringBuilder out, Map<Category, Integer> counts) {
    out.append('{');
    counts.forEach((c, n) -> out.append(c.ordinal() == 0 ? "" : ", ").append('"').append(c.id())
        .append("\": ").append(n));
    out.append('}');
  }

  private static void step(StringBuilder out, SeriesReport.Step step) {
    out.append("    {\"base\": ");
    Text.json(out, step.base());
    out.append(", \"head\": ");
    Text.json(out, step.head());
    out.append(",\n     \"counts\": ");
    counts(out, step.counts());
    out.append(",\n     \"changes\": [");
    boolean first = true;
    for (Change c : step.changes()) {
      out.append(first ? "\n      " : ",\n      ");
      first = false;
      change(out, c);
    }
    out.append(first ? "]}" : "\n     ]}");
  }

  private static void change(StringBuilder out, Change c) {
    field(out, "{\"category\": ", c.getCategory());
    field(out, ", \"module\": ", c.getModule());
    field(out, ", \"item\": ", c.getItem());
    field(out, ", \"old\": ", c.getOldValue());
    field(out, ", \"new\": ", c.getNewValue());
    out.append('}');
  }

  private static void lifetime(StringBuilder out, Lifetime l) {
    field(out, "{\"kind\": ", l.getKind());
    field(out, ", \"name\": ", l.getName());
    field(out, ", \"first\": ", l.getFirst());
    field(out, ", \"last\": ", l.getLast());
    out.append(", \"present\": ").append(l.getPresent());
    field(out, ", \"module\": ", l.getModule());
    out.append('}');
  }

  private static void field(StringBuilder out, String prefix, String value) {
    out.append(prefix);
    Text.json(out, value);
  }
}
