package dev.beamdepmod.jobs.check;

import dev.beamdepmod.archive.EntryVisitor;
import dev.beamdepmod.archive.PackageReader;
import dev.beamdepmod.check.Candidate;
import dev.beamdepmod.check.CheckId;
import dev.beamdepmod.check.CheckReport;
import dev.beamdepmod.check.KernelFiles;
import dev.beamdepmod.check.KernelTable;
import dev.beamdepmod.diff.Snapshots;
import dev.beamdepmod.discovery.ModuleFiles;
import dev.beamdepmod.jobs.cli.Subcommand;
import dev.beamdepmod.jobs.matrix.MatrixInputs;
import dev.beamdepmod.jobs.matrix.MatrixRun;
import dev.beamdepmod.pipeline.Check;
import dev.beamdepmod.schema.CheckResult;
import dev.beamdepmod.schema.KernelSnapshot;
import dev.beamdepmod.schema.ModuleRecord;
import dev.beamdepmod.transforms.AvroRecords;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code beam-depmod check --kernel IN... [--output DIR] [--fail-on CHECKS] MODULE...}: would each
 * module load into each kernel? Kernels are read by the matrix pipeline (trees, packages,
 * directories of packages) or from a matrix output directory's snapshots; linux-headers packages
 * given among them add their Module.symvers.
 */
@Command(
    name = "beam-depmod check",
    sortOptions = false,
    customSynopsis = "beam-depmod check --kernel <input>... [--output <dir>] [--fail-on <checks>] <module or package>...",
    description = {"Checks what the kernel checks when loading each module (ELF, vermagic, symbols, CRCs,",
        "namespaces, GPL-only exports, struct module size) for every module and kernel.",
        "Exit status: 0 every pair loads, 3 some pair does not, 1 an input could not be read, 2 usage.",
        "--kernel takes every argument up to the next option: end its list with -- (or another option)."},
    footer = "Beam pipeline options (--runner=..., --targetParallelism=...) may be given too.")
public final class CheckCommand extends Subcommand {
  /** Exit status when some pair does not load (for a check named by --fail-on). */
  public static final int DOES_NOT_LOAD = 3;

  @Option(names = "--kernel", arity = "1..*", required = true, paramLabel = "<input>",
      description = "kernel trees, packages (linux-image, linux-headers), directories of packages, matrix output directories")
  private List<String> kernelInputs;

  @Option(names = "--output", paramLabel = "<dir>", description = "report.json, report.html and results.avro go there")
  private String output;

  @Option(names = "--fail-on", paramLabel = "<checks>", completionCandidates = CheckIds.class,
      description = "exit 3 only when one of these fails: ${COMPLETION-CANDIDATES} (or all, the default), comma-separated")
  private String failOn = "all";

  @Parameters(arity = "1..*", paramLabel = "<module or package>",
      description = "module files (any compression), directories of them, packages holding them")
  private List<String> moduleInputs;

  @Spec private CommandSpec spec;

  static final class CheckIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(CheckId.values()).map(CheckId::id).iterator();
    }
  }

  public CheckCommand(String cwd, PipelineOptions options, PrintStream out, PrintStream err) {
    super(cwd, options, out, err);
  }

  @Override
  public Integer call() {
    Set<CheckId> gate;
    try {
      gate = CheckId.parseList(failOn);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    FileSystems.setDefaultPipelineOptions(options);
    List<Candidate> modules = new ArrayList<>();
    try {
      for (String input : moduleInputs) {
        int before = modules.size();
        readModules(resolve(input), input, modules);
        if (modules.size() == before) {
          err.println("beam-depmod: ERROR: " + input + ": no module files in it");
          return 1;
        }
      }
    } catch (IOException e) {
      err.println("beam-depmod: ERROR: " + e.getMessage());
      return 1;
    }
    List<KernelTable> kernels;
    Path scratch;
    try {
      scratch = Files.createTempDirectory("beam-depmod-check");
    } catch (IOException e) {
      err.println("beam-depmod: ERROR: " + e.getMessage());
      return 1;
    }
    try {
      kernels = kernels(scratch);
      if (kernels == null) return 1;
      List<CheckResult> results = Check.run(options, kernels, modules, scratch.resolve("results").toString());
      CheckReport report = new CheckReport(results);
      out.print(report.markdown());
      if (output != null) {
        for (Map.Entry<String, byte[]> f : report.files().entrySet()) writeFile(output, f.getKey(), f.getValue());
      }
      boolean failing = results.stream().anyMatch(r -> gate.stream().anyMatch(c -> c.failed(r))
          || !r.getLoads() && gate.size() == CheckId.values().length);
      return failing ? DOES_NOT_LOAD : 0;
    } catch (IOException | RuntimeException e) {
      err.println("beam-depmod: ERROR: " + e.getMessage());
      return 1;
    } finally {
      removeScratch(scratch);
    }
  }

  private Path resolve(String input) {
    Path p = Path.of(input);
    return p.isAbsolute() ? p : Path.of(cwd).resolve(p);
  }

  /** Module files, directories of them (recursively, in path order), or packages holding them. */
  private static void readModules(Path input, String given, List<Candidate> into) throws IOException {
    if (Files.isDirectory(input)) {
      try (Stream<Path> walk = Files.walk(input)) {
        for (Path f : walk.filter(Files::isRegularFile).filter(f -> ModuleFiles.isModuleFile(f.toString()))
            .sorted().toList()) {
          into.add(readable(Candidate.read(f.toString(), f.toString(), Files.readAllBytes(f))));
        }
      }
      return;
    }
    if (!Files.isRegularFile(input)) throw new IOException(given + ": no such file or directory");
    if (ModuleFiles.isModuleFile(input.toString())) {
      into.add(readable(Candidate.read(given, input.toString(), Files.readAllBytes(input))));
      return;
    }
    try (InputStream in = Files.newInputStream(input)) {
      PackageReader.entries(input.toString(), in, new EntryVisitor() {
        @Override
        public boolean wants(String path) {
          return ModuleFiles.isModuleFile(path);
        }

        @Override
        public void file(String path, long size, InputStream content) throws IOException {
          into.add(readable(Candidate.read(given + "!" + path, "/" + path, content.readAllBytes())));
        }
      });
    } catch (IOException e) {
      throw new IOException(given + ": " + e.getMessage(), e);
    }
  }

  /** A module file that is no ELF module (or fails to decompress) is an input that could not be read. */
  private static Candidate readable(Candidate c) throws IOException {
    if (c.elf() == null) throw new IOException(c.file() + ": not a readable module file");
    return c;
  }

  /** The kernels' tables; null when they could not be read (already reported). */
  private List<KernelTable> kernels(Path scratch) throws IOException {
    KernelFiles side = new KernelFiles();
    List<String> matrixInputs = new ArrayList<>();
    List<Path> roots = new ArrayList<>();
    Map<String, KernelSnapshot> snapshots = new TreeMap<>();
    for (String input : kernelInputs) {
      Path p = resolve(input);
      List<Path> packages = new ArrayList<>();
      if (Files.isDirectory(p)) {
        if (Files.isDirectory(p.resolve("lib/modules")) || Files.isDirectory(p.resolve("usr/lib/modules"))) {
          roots.add(p);
          matrixInputs.add(p.toString());
          continue;
        }
        List<KernelSnapshot> stored = Snapshots.stored(p.toString());
        if (!stored.isEmpty()) {
          for (KernelSnapshot k : stored) snapshots.put(k.getKernel(), k);
          continue;
        }
        try (Stream<Path> list = Files.list(p)) {
          packages.addAll(list.filter(f -> Files.isRegularFile(f) && MatrixInputs.isPackageName(f.getFileName().toString()))
              .sorted().toList());
        }
        if (packages.isEmpty()) {
          matrixInputs.add(p.toString());
          continue;
        }
      } else if (Files.isRegularFile(p)) {
        packages.add(p);
      } else {
        err.println("beam-depmod: ERROR: " + input + ": no such directory or package");
        return null;
      }
      for (Path pkg : packages) {
        try (InputStream in = Files.newInputStream(pkg)) {
          PackageReader.entries(pkg.toString(), in, new EntryVisitor() {
            @Override
            public boolean wants(String path) {
              return side.wants(path);
            }

            @Override
            public void file(String path, long size, InputStream content) throws IOException {
              side.offer(path, content);
            }
          });
        } catch (IOException e) {
          err.println("beam-depmod: ERROR: " + pkg + ": " + e.getMessage());
          return null;
        }
        if (!pkg.getFileName().toString().startsWith("linux-headers-")) matrixInputs.add(pkg.toString());
      }
    }
    Map<String, List<ModuleRecord>> records = new TreeMap<>();
    if (!matrixInputs.isEmpty()) {
      String avro = scratch.resolve("avro").toString();
      MatrixRun.Result run = MatrixRun.run(cwd, matrixInputs, List.of(), scratch.resolve("matrix").toString(), avro, 0,
          false, options, err);
      if (run == null) return null;
      if (run.summary().failed()) {
        err.print(run.summary().text());
        err.println("beam-depmod: ERROR: some kernel input could not be read");
        return null;
      }
      for (ModuleRecord r : AvroRecords.readAll(avro + "/modules*.avro", ModuleRecord.class)) {
        if (r.getRelpath() != null) records.computeIfAbsent(r.getKernel(), k -> new ArrayList<>()).add(r);
      }
    }
    for (Path root : roots) treeFiles(root, records.keySet(), side);
    for (String twice : snapshots.keySet()) {
      if (records.containsKey(twice)) {
        err.println("beam-depmod: ERROR: kernel " + twice + " is given twice (as a matrix output directory too)");
        return null;
      }
    }
    if (records.isEmpty() && snapshots.isEmpty()) {
      err.println("beam-depmod: ERROR: no kernel found in " + String.join(" ", kernelInputs));
      return null;
    }
    Map<String, KernelTable> tables = new TreeMap<>();
    for (Map.Entry<String, List<ModuleRecord>> k : records.entrySet()) {
      KernelFiles.Found f = side.found(k.getKey());
      tables.put(k.getKey(), KernelTable.of(k.getKey(), unique(k.getValue()), f.symvers, f.systemMap, f.elf));
    }
    for (KernelSnapshot k : snapshots.values()) {
      KernelFiles.Found f = side.found(k.getKernel());
      tables.put(k.getKernel(), KernelTable.of(k.getKernel(), k, f.symvers, f.systemMap));
      err.println("beam-depmod: WARNING: " + k.getKernel() + ": from a matrix output directory: "
          + "ELF class, byte order, machine and struct module size not checked");
    }
    for (String release : tables.keySet()) {
      KernelFiles.Found f = side.found(release);
      if (f.symvers == null) {
        err.println("beam-depmod: WARNING: " + release + ": no Module.symvers"
            + (f.systemMap == null ? " or System.map" : ", System.map used (no CRC check)"));
      }
    }
    return new ArrayList<>(tables.values());
  }

  /** One record per module name, the first found (depmod's choice was made for trees already). */
  private static List<ModuleRecord> unique(List<ModuleRecord> records) {
    Map<String, ModuleRecord> byName = new LinkedHashMap<>();
    records.stream().sorted(Comparator.comparingLong(ModuleRecord::getDiscovery))
        .forEach(r -> byName.putIfAbsent(r.getName(), r));
    return new ArrayList<>(byName.values());
  }

  /** The side files of each release in a tree root, and its first module for the ELF facts. */
  private static void treeFiles(Path root, Iterable<String> releases, KernelFiles side) throws IOException {
    for (String rel : releases) {
      for (String path : KernelFiles.paths(rel)) {
        Path f = root.resolve(path);
        if (Files.isRegularFile(f) && side.wants(path)) {
          try (InputStream in = Files.newInputStream(f)) {
            side.offer(path, in);
          } catch (IOException e) {
            throw new IOException(root + ": " + e.getMessage(), e);
          }
        }
      }
      for (String moddir : List.of("lib/modules/", "usr/lib/modules/")) {
        Path dir = root.resolve(moddir + rel);
        if (side.found(rel).elf != null || !Files.isDirectory(dir)) continue;
        try (Stream<Path> walk = Files.walk(dir)) {
          Path first = walk.filter(Files::isRegularFile).filter(x -> ModuleFiles.isModuleFile(x.toString()))
              .findFirst().orElse(null);
          if (first != null) {
            try (InputStream in = Files.newInputStream(first)) {
              side.offer(moddir + rel + "/" + dir.relativize(first), in);
            }
          }
        }
      }
    }
  }

  private static void removeScratch(Path dir) {
    try {
      removeTree(dir);
    } catch (IOException e) {
      // a temporary directory left behind
    }
  }
}
