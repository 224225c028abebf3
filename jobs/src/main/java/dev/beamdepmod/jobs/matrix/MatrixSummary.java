package dev.beamdepmod.jobs.matrix;

import dev.beamdepmod.diagnostics.Console;
import dev.beamdepmod.schema.KernelReport;
import dev.beamdepmod.schema.ReportKind;
import java.util.Comparator;
import java.util.List;

/** The matrix job's closing summary, as JSON (for machines) and as text (for people and CI logs). */
public final class MatrixSummary {
  private final List<KernelReport> kernels;
  private final List<KernelReport> inputFailures;
  private final List<String> errors;
  private final Cache cache;

  /** The module cache of the run: of modulesRead, fromCache were not read again (docs/cache.md). */
  public record Cache(String location, long fromCache, long modulesRead) {}

  /** @param cache the run's module cache, null for none */
  MatrixSummary(List<KernelReport> reports, List<String> driverErrors, Cache cache) {
    this.cache = cache;
    Comparator<KernelReport> byKey = Comparator.comparing(KernelReport::getKernel);
    this.kernels = reports.stream().filter(r -> r.getKind() == ReportKind.KERNEL).sorted(byKey).toList();
    this.inputFailures = reports.stream().filter(r -> r.getKind() == ReportKind.INPUT).sorted(byKey).toList();
    this.errors = List.copyOf(driverErrors);
  }

  public boolean failed() {
    return !errors.isEmpty() || !inputFailures.isEmpty() || kernels.stream().anyMatch(k -> k.getExitCode() != 0);
  }

  public String text() {
    StringBuilder s = new StringBuilder();
    s.append(String.format("%-40s %8s %8s %10s %7s %10s  %s%n",
        "kernel", "modules", "exports", "unresolved", "cycles", "unreadable", "result"));
    for (KernelReport k : kernels) {
      s.append(String.format("%-40s %8d %8d %10d %7d %10d  %s%n", k.getKernel(), k.getModules(), k.getExports(),
          k.getUnresolved(), k.getCycleModules(), k.getUnreadableModules(), result(k)));
    }
    for (KernelReport f : inputFailures) s.append("input failed: ").append(f.getKernel()).append('\n');
    for (KernelReport r : kernels) indented(s, r);
    for (KernelReport r : inputFailures) indented(s, r);
    for (String e : errors) s.append(e).append('\n');
    s.append(String.format("%d kernels written, %d failed, %d inputs failed%n",
        kernels.stream().filter(k -> k.getExitCode() == 0).count(),
        kernels.stream().filter(k -> k.getExitCode() != 0).count(),
        inputFailures.size() + errors.size()));
    if (cache != null) {
      s.append(String.format("%d of %d modules from the cache %s%n", cache.fromCache(), cache.modulesRead(), cache.location()));
    }
    return s.toString();
  }

  private static String result(KernelReport k) {
    if (k.getExitCode() != 0) return "FAILED";
    return k.getStderr().isEmpty() ? "ok" : "ok, " + k.getStderr().size() + " messages";
  }

  private static void indented(StringBuilder s, KernelReport r) {
    if (r.getStderr().isEmpty()) return;
    s.append(r.getKernel()).append(":\n");
    int shown = 0;
    for (String line : Console.lines(r)) {
      if (shown++ == 20) {
        s.append("  ... ").append(r.getStderr().size() - 20).append(" more (see matrix-summary.json)\n");
        break;
      }
      s.append("  ").append(line.replace("\n", "\n  ")).append('\n');
    }
  }

  public String json() {
    StringBuilder s = new StringBuilder("{\n  \"kernels\": [");
    for (int i = 0; i < kernels.size(); i++) {
      KernelReport k = kernels.get(i);
      s.append(i == 0 ? "\n" : ",\n").append("    {\"version\": ").append(str(k.getKernel()))
          .append(", \"exitCode\": ").append(k.getExitCode())
          .append(", \"modules\": ").append(k.getModules())
          .append(", \"exports\": ").append(k.getExports())
          .append(", \"unresolved\": ").append(k.getUnresolved())
          .append(", \"cycleModules\": ").append(k.getCycleModules())
          .append(", \"unreadableModules\": ").append(k.getUnreadableModules())
          .append(", \"filesWritten\": ").append(array(k.getFilesWritten()))
          .append(", \"messages\": ").append(array(Console.lines(k))).append('}');
    }
    s.append(kernels.isEmpty() ? "],\n" : "\n  ],\n").append("  \"inputFailures\": [");
    for (int i = 0; i < inputFailures.size(); i++) {
      KernelReport f = inputFailures.get(i);
      s.append(i == 0 ? "\n" : ",\n").append("    {\"input\": ").append(str(f.getKernel()))
          .append(", \"messages\": ").append(array(Console.lines(f))).append('}');
    }
    s.append(inputFailures.isEmpty() ? "],\n" : "\n  ],\n");
    s.append("  \"errors\": ").append(array(errors)).append(",\n");
    if (cache != null) {
      s.append("  \"cache\": {\"location\": ").append(str(cache.location()))
          .append(", \"modulesRead\": ").append(cache.modulesRead())
          .append(", \"modulesFromCache\": ").append(cache.fromCache()).append("},\n");
    }
    s.append("  \"failed\": ").append(failed()).append("\n}\n");
    return s.toString();
  }

  private static String array(List<String> items) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < items.size(); i++) s.append(i == 0 ? "" : ", ").append(str(items.get(i)));
    return s.append(']').toString();
  }

  /** A JSON string; depmod strings are ISO-8859-1 byte strings, so each char is one byte. */
  private static String str(String v) {
    StringBuilder s = new StringBuilder("\"");
    for (char c : v.toCharArray()) {
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\t' -> s.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) s.append(String.format("\\u%04x", (int) c));
          else s.append(c);
        }
      }
    }
    return s.append('"').toString();
  }
}
