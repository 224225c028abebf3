package dev.beamdepmod.diff;

import dev.beamdepmod.schema.Change;
import dev.beamdepmod.schema.Lifetime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The report for people and CI logs: a summary table of every category, then the changes per
 * step and category. Its length is bounded (a few items per category, a few hundred detail lines
 * in all), with a note where it was cut; report.json and report.html hold everything.
 */
public final class MarkdownReport {
  public static final int DEFAULT_MAX_LINES = 400;
  public static final int DEFAULT_PER_CATEGORY = 20;

  private final SeriesReport report;
  private final int perCategory;
  private final List<String> lines = new ArrayList<>();
  private int detailBudget;
  private int shown;
  private boolean cut;

  private MarkdownReport(SeriesReport report, int maxLines, int perCategory) {
    this.report = report;
    this.detailBudget = maxLines;
    this.perCategory = perCategory;
  }

  public static String render(SeriesReport report) {
    return render(report, DEFAULT_MAX_LINES, DEFAULT_PER_CATEGORY);
  }

  /**
   * @param maxLines most detail lines (the summary table is always complete)
   * @param perCategory most changes listed per category and step
   */
  public static String render(SeriesReport report, int maxLines, int perCategory) {
    MarkdownReport md = new MarkdownReport(report, maxLines, perCategory);
    md.summary();
    for (SeriesReport.Step step : report.steps()) {
      md.details(step);
    }
    if (report.hasLifetimes()) {
      md.lifetimes();
    }
    if (md.cut) {
      md.lines.add("");
      md.lines.add("_Truncated: " + md.shown + " of " + report.changes().size()
          + " changes listed; report.json and report.html have them all._");
    }
    return String.join("\n", md.lines) + "\n";
  }

  private void summary() {
    List<String> kernels = report.kernels().stream().map(Text::code).toList();
    boolean series = report.steps().size() > 1;
    lines.add("# Kernel " + (series ? "series" : "comparison") + ": " + String.join(" → ", kernels));
    lines.add("");
    StringBuilder header = new StringBuilder("| Category | Meaning |");
    StringBuilder rule = new StringBuilder("|---|---|");
    for (SeriesReport.Step step : report.steps()) {
      header.append(series ? " " + Text.code(step.base()) + " → " + Text.code(step.head()) + " |" : " Changes |");
      rule.append("---:|");
    }
    if (series) {
      header.append(" Total |");
      rule.append("---:|");
    }
    lines.add(header.toString());
    lines.add(rule.toString());
    List<Map<Category, Integer>> counts = report.steps().stream().map(SeriesReport.Step::counts).toList();
    Map<Category, Integer> totals = report.totals();
    for (Category c : Category.values()) {
      StringBuilder row = new StringBuilder("| `" + c.id() + "` | " + c.title() + " |");
      counts.forEach(m -> row.append(' ').append(m.get(c)).append(" |"));
      if (series) {
        row.append(' ').append(totals.get(c)).append(" |");
      }
      lines.add(row.toString());
    }
    StringBuilder all = new StringBuilder("| **All** | |");
    report.steps().forEach(s -> all.append(" **").append(s.changes().size()).append("** |"));
    if (series) {
      all.append(" **").append(report.changes().size()).append("** |");
    }
    lines.add(all.toString());
  }

  private void details(SeriesReport.Step step) {
    if (step.changes().isEmpty() || !spend(3)) {
      return;
    }
    lines.add("");
    lines.add("## " + Text.code(step.base()) + " → " + Text.code(step.head()));
    Map<String, List<Change>> byCategory = step.changes().stream()
        .collect(Collectors.groupingBy(Change::getCategory, LinkedHashMap::new, Collectors.toList()));
    for (Map.Entry<String, List<Change>> e : byCategory.entrySet()) {
      List<Change> changes = e.getValue();
      if (!spend(3)) {
        return;
      }
      lines.add("");
      lines.add("### " + Category.of(e.getKey()).title() + " (`" + e.getKey() + "`: " + changes.size() + ")");
      lines.add("");
      int listed = 0;
      for (Change c : changes) {
        if (listed == perCategory || !spend(1)) {
          break;
        }
        lines.add("- " + line(c));
        listed++;
      }
      shown += listed;
      if (listed < changes.size()) {
        lines.add("- … " + (changes.size() - listed) + " more");
        cut = true;
      }
    }
  }

  /** Takes lines from the detail budget; false (and the report marked cut) when it is used up. */
  private boolean spend(int count) {
    if (detailBudget < count) {
      cut = true;
      return false;
    }
    detailBudget -= count;
    return true;
  }

  /** Categories whose old and new values are the two sides of a change (null: none). */
  private static final Set<Category> TRANSITIONS = EnumSet.of(Category.MODULES_MOVED,
      Category.MODULES_NOW_BUILTIN, Category.MODULES_NOW_LOADABLE, Category.SYMBOLS_MOVED,
      Category.CRC_CHANGED, Category.NAMESPACE_CHANGED, Category.PARAMS_CHANGED);

  /** One change as a list item. */
  static String line(Change c) {
    String module = Text.code(c.getModule());
    String item = c.getItem() == null ? null : Text.code(c.getItem());
    String oldValue = c.getOldValue();
    String newValue = c.getNewValue();
    Category category = Category.of(c.getCategory());
    switch (category) {
      case MODULES_RENAMED:
        return item + " → " + module + ": " + Text.code(oldValue) + " → " + Text.code(newValue);
      case CYCLES_ADDED:
        return item;
      case DEPS_ADDED, DEPS_REMOVED:
        return module + " → " + item;
      case SYMBOLS_UNRESOLVED:
        return module + " needs " + item + (oldValue == null ? "" : " (exported by " + Text.code(oldValue) + " before)");
      case SYMBOLS_REMOVED:
        return module + " " + item + (newValue == null ? "" : " (module now built-in)");
      default:
        break;
    }
    String subject = item == null ? module : module + " " + item;
    if (TRANSITIONS.contains(category)) {
      return subject + ": " + valueOrNone(oldValue) + " → " + valueOrNone(newValue);
    }
    String value = oldValue != null ? oldValue : newValue;
    return value == null ? subject : subject + ": " + Text.code(value);
  }

  private static String valueOrNone(String value) {
    return value == null ? "none" : Text.code(value);
  }

  private void lifetimes() {
    List<String> kernels = report.kernels();
    String first = kernels.get(0);
    String last = kernels.get(kernels.size() - 1);
    lines.add("");
    lines.add("## Exported symbols and aliases across the series");
    lines.add("");
    lines.add("| | Symbols | Aliases |");
    lines.add("|---|---:|---:|");
    lifetimeRow("in every kernel", l -> l.getPresent() == kernels.size());
    lifetimeRow("added after " + Text.code(first), l -> !l.getFirst().equals(first));
    lifetimeRow("gone before " + Text.code(last), l -> !l.getLast().equals(last));
    lifetimeRow("missing in between", l -> l.getPresent() < span(l));
    List<Lifetime> gone = report.lifetimes().stream().filter(l -> !l.getLast().equals(last)).toList();
    if (gone.isEmpty() || !spend(4)) {
      return;
    }
    lines.add("");
    lines.add("### Gone before " + Text.code(last) + " (" + gone.size() + ")");
    lines.add("");
    int listed = 0;
    for (Lifetime l : gone) {
      if (listed == perCategory || !spend(1)) {
        break;
      }
      lines.add("- " + l.getKind() + " " + Text.code(l.getName()) + " (" + Text.code(l.getModule()) + "): "
          + Text.code(l.getFirst()) + " … " + Text.code(l.getLast()));
      listed++;
    }
    if (listed < gone.size()) {
      lines.add("- … " + (gone.size() - listed) + " more");
      cut = true;
    }
  }

  private int span(Lifetime l) {
    return report.kernels().indexOf(l.getLast()) - report.kernels().indexOf(l.getFirst()) + 1;
  }

  private void lifetimeRow(String label, Predicate<Lifetime> test) {
    long symbols = report.lifetimes().stream().filter(l -> l.getKind().equals("symbol") && test.test(l)).count();
    long aliases = report.lifetimes().stream().filter(l -> l.getKind().equals("alias") && test.test(l)).count();
    lines.add("| " + label + " | " + symbols + " | " + aliases + " |");
  }
}
