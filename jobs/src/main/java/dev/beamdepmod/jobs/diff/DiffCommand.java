package dev.beamdepmod.jobs.diff;

import dev.beamdepmod.diff.Category;
import dev.beamdepmod.diff.MarkdownReport;
import dev.beamdepmod.diff.ReportFiles;
import dev.beamdepmod.diff.SeriesReport;
import dev.beamdepmod.diff.Snapshots;
import dev.beamdepmod.jobs.cli.Subcommand;
import dev.beamdepmod.jobs.matrix.MatrixRun;
import dev.beamdepmod.schema.KernelSnapshot;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "beam-depmod diff",
    sortOptions = false,
    customSynopsis = {
      "beam-depmod diff --base <input> --head <input> [--output <dir>] [--fail-on <categories>]",
      "       beam-depmod diff --series <input>... [--output <dir>] [--fail-on <categories>]"
    },
    description = "An input is a tree, a package, a matrix output directory or a snapshot.avro file.",
    footer = "Beam pipeline options (--runner=..., --targetParallelism=...) may be given too.")
/**
 * {@code beam-depmod diff --base IN --head IN} and {@code diff --series IN...}: what changed between
 * kernel releases. An input is a snapshot.avro file, a matrix output directory (or one kernel's
 * output directory), or anything the matrix job reads (trees, packages), which is resolved first.
 */
public final class DiffCommand extends Subcommand {
  /** Exit status when a category named by --fail-on has changes (1 stays "could not run"). */
  public static final int GATE_FAILED = 3;

  @Option(names = "--base", paramLabel = "<input>", description = "the kernel before")
  private String base;

  @Option(names = "--head", paramLabel = "<input>", description = "the kernel after")
  private String head;

  @Option(names = "--series", arity = "1..*", paramLabel = "<input>",
      description = "kernels in version order, each compared with the one before")
  private List<String> series;

  @Option(names = "--output", paramLabel = "<dir>",
      description = "report.md, report.json, report.html and the Avro change records go there")
  private String output;

  @Option(names = "--fail-on", paramLabel = "<categories>", completionCandidates = CategoryIds.class,
      description = "exit 3 when one of these changed: ${COMPLETION-CANDIDATES} (or all), comma-separated")
  private String failOn;

  /** The category names --fail-on takes, for the usage text. */
  static final class CategoryIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Category.values()).map(Category::id).iterator();
    }
  }

  @Spec private CommandSpec spec;

  public DiffCommand(String cwd, PipelineOptions options, PrintStream out, PrintStream err) {
    super(cwd, options, out, err);
  }

  @Override
  public Integer call() {
    if ((series != null) == (base != null || head != null)) throw usage("give either --base and --head, or --series");
    if (series == null && (base == null || head == null)) throw usage("--base and --head go together");
    List<String> inputs = series != null ? series : List.of(base, head);
    Set<Category> gate;
    try {
      gate = failOn == null ? Set.of() : Category.parseList(failOn);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }

    List<KernelSnapshot> snapshots = new ArrayList<>();
    try {
      for (int i = 0; i < inputs.size(); i++) {
        List<KernelSnapshot> found = snapshotsOf(inputs.get(i));
        if (found == null) return 1;
        for (KernelSnapshot k : found) {
          // two builds of one version (before and after a patch) stay apart by their inputs
          if (snapshots.stream().anyMatch(o -> o.getKernel().equals(k.getKernel()))) {
            k.setKernel(k.getKernel() + " (" + inputs.get(i) + ")");
          }
          snapshots.add(k);
        }
      }
    } catch (IOException e) {
      err.println("beam-depmod: ERROR: " + e.getMessage());
      return 1;
    }
    if (snapshots.size() < 2) {
      err.println("beam-depmod: ERROR: at least two kernels are needed (found " + snapshots.size() + ")");
      return 1;
    }
    if (series == null && snapshots.size() != 2) {
      err.println("beam-depmod: ERROR: --base and --head must each hold exactly one kernel (found "
          + snapshots.size() + " in all)");
      return 1;
    }
    SeriesReport report;
    try {
      report = SeriesReport.of(snapshots, series != null);
    } catch (IllegalArgumentException e) {
      err.println("beam-depmod: ERROR: " + e.getMessage());
      return 1;
    }
    out.print(MarkdownReport.render(report));
    if (output != null) {
      try {
        for (Map.Entry<String, byte[]> f : ReportFiles.render(report).entrySet()) writeFile(output, f.getKey(), f.getValue());
      } catch (IOException e) {
        err.println("beam-depmod: ERROR: could not write the report into " + output + ": " + e.getMessage());
        return 1;
      }
    }
    List<Category> failing = List.copyOf(report.failing(gate));
    if (!failing.isEmpty()) {
      err.println("beam-depmod: changes in " + String.join(", ", failing.stream().map(Category::id).toList())
          + " (--fail-on)");
      return GATE_FAILED;
    }
    return 0;
  }

  /** The input's kernels in version order; null when resolving it failed (already reported). */
  private List<KernelSnapshot> snapshotsOf(String input) throws IOException {
    if (input.endsWith(".avro")) return List.of(Snapshots.read(FileSystems.matchSingleFileSpec(input).resourceId()));
    List<KernelSnapshot> stored = stored(input);
    if (!stored.isEmpty()) return stored;
    Path scratch = Files.createTempDirectory("beam-depmod-diff");
    try {
      MatrixRun.Result run = MatrixRun.run(cwd, List.of(input), List.of(), scratch.toString(), null, 0, false, options, err);
      List<KernelSnapshot> resolved = run == null ? List.of() : stored(scratch.toString());
      if (resolved.isEmpty()) {
        if (run != null) err.print(run.summary().text());
        err.println("beam-depmod: ERROR: no kernel could be read from " + input);
        return null;
      }
      return resolved;
    } finally {
      removeTree(scratch);
    }
  }

  /** The directory's stored snapshots ({@link Snapshots#stored}) in version order. */
  private static List<KernelSnapshot> stored(String dir) throws IOException {
    List<KernelSnapshot> found = Snapshots.stored(dir);
    found.sort(Comparator.comparing(KernelSnapshot::getKernel, DiffCommand::compareVersions));
    return found;
  }

  /** Version order: runs of digits compare as numbers, everything else byte-wise ("6.1.9" < "6.1.10"). */
  static int compareVersions(String a, String b) {
    int i = 0, j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i), y = b.charAt(j);
      if (Character.isDigit(x) && Character.isDigit(y)) {
        int i2 = i, j2 = j;
        while (i2 < a.length() && Character.isDigit(a.charAt(i2))) i2++;
        while (j2 < b.length() && Character.isDigit(b.charAt(j2))) j2++;
        int c = new java.math.BigInteger(a.substring(i, i2)).compareTo(new java.math.BigInteger(b.substring(j, j2)));
        if (c != 0) return c;
        i = i2;
        j = j2;
      } else {
        if (x != y) return Character.compare(x, y);
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private ParameterException usage(String problem) {
    return new ParameterException(spec.commandLine(), problem);
  }
}
