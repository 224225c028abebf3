package dev.beamdepmod.diff;

import dev.beamdepmod.check.ModinfoValues;
import dev.beamdepmod.resolve.KernelGraph;
import dev.beamdepmod.resolve.KernelInputs;
import dev.beamdepmod.schema.KernelSnapshot;
import dev.beamdepmod.schema.ModinfoEntry;
import dev.beamdepmod.schema.ModuleRecord;
import dev.beamdepmod.schema.SnapshotModule;
import dev.beamdepmod.schema.SnapshotSymbol;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/** Builds {@link KernelSnapshot}s from depmod's resolution and stores them as Avro files. */
public final class Snapshots {
  /** The snapshot's file name inside a kernel's output directory. */
  public static final String FILE_NAME = "snapshot.avro";

  private Snapshots() {}

  /**
   * @param graph the resolved modules ({@link dev.beamdepmod.resolve.Resolver#resolveWithGraph}); null
   *     gives a snapshot of the built-in modules only
   * @param inputs the kernel's input files; only modules.builtin and modules.builtin.modinfo are
   *     used (null or missing: no built-in modules)
   */
  public static KernelSnapshot of(String kernel, KernelGraph graph, KernelInputs inputs) {
    List<SnapshotModule> modules = new ArrayList<>();
    List<List<String>> cycles = new ArrayList<>();
    List<ModuleRecord> records = new ArrayList<>();
    if (graph != null) {
      for (int m = 0; m < graph.size(); m++) {
        modules.add(loadable(graph, m));
        records.add(graph.record(m));
      }
      for (int[] cycle : graph.cycles()) {
        cycles.add(names(graph, cycle));
      }
    }
    BuiltinModules builtin = new BuiltinModules(inputs.builtin(), inputs.builtinModinfo());
    for (Map.Entry<String, String> e : builtin.paths().entrySet()) {
      SnapshotModule.Builder b = SnapshotModule.newBuilder()
          .setName(e.getKey()).setPath(e.getValue()).setBuiltin(true)
          .setExports(new ArrayList<>(0)).setDepends(new ArrayList<>(0)).setUnresolved(new ArrayList<>(0));
      builtin.facts(e.getKey()).fill(b);
      modules.add(b.build());
    }
    return new KernelSnapshot(kernel, graph != null && graph.kernelSymbolsKnown(), modules, cycles,
        ModinfoValues.vermagic(records));
  }

  private static SnapshotModule loadable(KernelGraph graph, int m) {
    List<SnapshotSymbol> exports = new ArrayList<>();
    for (KernelGraph.Export e : graph.exports(m)) {
      exports.add(new SnapshotSymbol(e.name(), e.crc(), e.namespace()));
    }
    ModinfoFacts facts = new ModinfoFacts();
    for (ModinfoEntry e : graph.record(m).getModinfo()) {
      facts.add(e.getKey(), e.getValue());
    }
    SnapshotModule.Builder b = SnapshotModule.newBuilder()
        .setName(graph.name(m)).setPath(graph.path(m)).setBuiltin(false)
        .setExports(exports)
        .setDepends(names(graph, graph.dependencies(m)))
        .setUnresolved(new ArrayList<>(new LinkedHashSet<>(graph.unresolved(m))));
    facts.fill(b);
    return b.build();
  }

  private static List<String> names(KernelGraph graph, int[] modules) {
    List<String> names = new ArrayList<>(modules.length);
    for (int m : modules) {
      names.add(graph.name(m));
    }
    return names;
  }

  /** Writes one snapshot as an Avro container file (deflate). */
  public static void write(KernelSnapshot snapshot, OutputStream out) throws IOException {
    AvroFiles.write(KernelSnapshot.getClassSchema(), List.of(snapshot), out);
  }

  /** Reads the snapshot {@link #write} wrote. @throws IOException also when the file holds no snapshot */
  public static KernelSnapshot read(InputStream in) throws IOException {
    try (DataFileStream<KernelSnapshot> stream =
        new DataFileStream<>(in, new SpecificDatumReader<>(KernelSnapshot.class))) {
      if (!stream.hasNext()) {
        throw new IOException("no kernel snapshot in the file");
      }
      return stream.next();
    }
  }

  /**
   * The snapshots stored in a directory: its own snapshot.avro (one kernel's output directory), else
   * those of its kernel subdirectories (a matrix output directory); none when it holds neither.
   */
  public static List<KernelSnapshot> stored(String dir) throws IOException {
    ResourceId root = FileSystems.matchNewResource(dir, true);
    List<KernelSnapshot> found = new ArrayList<>();
    for (String glob : List.of(FILE_NAME, "*/" + FILE_NAME)) {
      MatchResult m = FileSystems.match(root.resolve(glob, StandardResolveOptions.RESOLVE_FILE).toString(),
          EmptyMatchTreatment.ALLOW);
      for (MatchResult.Metadata meta : m.metadata()) found.add(read(meta.resourceId()));
      if (!found.isEmpty()) break;
    }
    return found;
  }

  /** The snapshot in one file. */
  public static KernelSnapshot read(ResourceId file) throws IOException {
    try (InputStream in = Channels.newInputStream(FileSystems.open(file))) {
      return read(in);
    }
  }
}
