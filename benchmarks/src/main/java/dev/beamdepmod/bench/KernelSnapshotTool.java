package dev.beamdepmod.bench;

import dev.beamdepmod.diff.ReportFiles;
import dev.beamdepmod.diff.SeriesReport;
import dev.beamdepmod.diff.Snapshots;
import dev.beamdepmod.module.ModuleReader;
import dev.beamdepmod.resolve.DepmodSettings;
import dev.beamdepmod.resolve.FileContent;
import dev.beamdepmod.resolve.KernelInputs;
import dev.beamdepmod.resolve.KernelSymbols;
import dev.beamdepmod.resolve.Resolution;
import dev.beamdepmod.resolve.Resolver;
import dev.beamdepmod.schema.KernelSnapshot;
import dev.beamdepmod.schema.ModuleRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kernel snapshots and diff reports without Beam, for scripts/diff-crosscheck.sh:
 *
 * <pre>
 * KernelSnapshotTool snapshot DIRNAME KERNEL OUT.avro [SYSTEM.MAP]
 *     reads every module under DIRNAME (root + module directory + "/" + version; a module name met
 *     twice keeps its first file by path), resolves them as depmod does (with -F SYSTEM.MAP when given)
 *     and writes the kernel's snapshot
 * KernelSnapshotTool diff OUTDIR SNAPSHOT.avro...
 *     compares the snapshots in order (series mode with more than two), writes the report files
 *     into OUTDIR and prints the Markdown report
 * </pre>
 */
public final class KernelSnapshotTool {
  private KernelSnapshotTool() {}

  public static void main(String[] args) throws IOException {
    if (args.length >= 4 && args[0].equals("snapshot")) {
      snapshot(args[1], args[2], Path.of(args[3]), args.length > 4 ? Path.of(args[4]) : null);
    } else if (args.length >= 4 && args[0].equals("diff")) {
      diff(Path.of(args[1]), List.of(args).subList(2, args.length));
    } else {
      System.err.println("usage: KernelSnapshotTool snapshot DIRNAME KERNEL OUT.avro [SYSTEM.MAP]\n"
          + "       KernelSnapshotTool diff OUTDIR SNAPSHOT.avro SNAPSHOT.avro...");
      System.exit(2);
    }
  }

  private static void snapshot(String dirname, String kernel, Path out, Path systemMap) throws IOException {
    Path root = Path.of(dirname);
    Map<String, ModuleRecord> modules = new LinkedHashMap<>();
    for (Path file : KernelTree.moduleFiles(root)) {
      String relpath = root.relativize(file).toString();
      ModuleRecord record = ModuleReader.read(dirname + "/" + relpath, file);
      record.setKernel(kernel);
      record.setRelpath(relpath);
      modules.putIfAbsent(record.getName(), record);
    }
    KernelSymbols symbols = systemMap == null ? null
        : KernelSymbols.parseSystemMap(systemMap.toString(), Files.readAllBytes(systemMap), (char) 0);
    KernelInputs inputs = new KernelInputs(dirname, input(root, "modules.order"), input(root, "modules.builtin"),
        input(root, "modules.builtin.modinfo"));
    Resolution resolution = Resolver.resolveWithGraph(modules.values(), inputs,
        new DepmodSettings((char) 0, 0, false, symbols, false, true));
    KernelSnapshot snapshot = Snapshots.of(kernel, resolution.graph(), inputs);
    try (OutputStream os = Files.newOutputStream(out)) {
      Snapshots.write(snapshot, os);
    }
  }

  private static FileContent input(Path root, String name) throws IOException {
    try {
      return FileContent.of(Files.readAllBytes(root.resolve(name)));
    } catch (NoSuchFileException e) {
      return FileContent.missing("No such file or directory");
    }
  }

  private static void diff(Path outDir, List<String> snapshotFiles) throws IOException {
    List<KernelSnapshot> snapshots = new ArrayList<>();
    for (String f : snapshotFiles) {
      try (InputStream in = Files.newInputStream(Path.of(f))) {
        snapshots.add(Snapshots.read(in));
      }
    }
    SeriesReport report = SeriesReport.of(snapshots, snapshots.size() > 2);
    ReportFiles.write(report, outDir);
    System.out.write(Files.readAllBytes(outDir.resolve(ReportFiles.MARKDOWN)));
    System.out.flush();
  }
}
