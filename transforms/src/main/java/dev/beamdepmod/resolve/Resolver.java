package dev.beamdepmod.resolve;

import dev.beamdepmod.index.IndexCharacterException;
import dev.beamdepmod.schema.ModuleRecord;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * depmod's work for one kernel after the modules were read: order, symbols, dependencies, outputs.
 * Messages printed earlier (options, -E/-F loading, configuration, directory walk) are the
 * caller's; the result's stderr starts with the modules.order messages.
 */
public final class Resolver {
  /** depmod keeps module numbers in 16 bits. */
  private static final int MAX_MODULES = 65535;

  private Resolver() {}

  /** @param records the kernel's modules (unique names), in any order */
  public static DepmodResult resolve(
      Collection<ModuleRecord> records, KernelInputs inputs, DepmodSettings settings) {
    return resolveWithGraph(records, inputs, settings).result();
  }

  /** {@link #resolve}, keeping the resolved module graph for kernel comparisons. */
  public static Resolution resolveWithGraph(
      Collection<ModuleRecord> records, KernelInputs inputs, DepmodSettings settings) {
    return resolveWithGraph(records, inputs, settings, null);
  }

  /**
   * @param outputFailure depmod's line for an output directory it cannot create, found before the
   *     pipeline; depmod creates it before producing the first file, so it ends the run there,
   *     before any of the files' own messages. Null when the directory is usable.
   */
  public static Resolution resolveWithGraph(
      Collection<ModuleRecord> records, KernelInputs inputs, DepmodSettings settings, String outputFailure) {
    Log log = new Log();
    StringBuilder stdout = new StringBuilder();
    if (records.size() >= MAX_MODULES) {
      log.fatal("could not build module array: Numerical result out of range");
      return new Resolution(
          result(log, stdout, null, new DepmodResult.Stats(records.size(), 0, 0, 0, 0)), null);
    }
    List<Module> modules = ModuleOrder.of(records, inputs, log);
    int unreadable = 0;
    for (Module m : modules) {
      boolean failed = false;
      for (String message : m.record().getMessages()) {
        log.depmod(message);
        failed |= message.contains("failed to load symbols");
      }
      unreadable += failed ? 1 : 0;
    }
    SymbolTable symbols = SymbolTable.build(modules, settings);
    List<SymbolTable.Symbol> exported = symbols.moduleSymbols();
    Dependencies deps = Dependencies.resolve(modules, symbols, settings, log, stdout);
    int[] rank = TopologicalSort.ranks(deps.deps(), deps.users());
    int onCycles = 0;
    LinkedHashMap<String, byte[]> files = null;
    if (Arrays.stream(rank).anyMatch(r -> r < 0)) {
      onCycles = CycleReport.report(modules, deps.deps(), rank, log);
    } else if (outputFailure != null && !settings.dryRun()) {
      log.printed(outputFailure);
    } else {
      int[][] closures = DependencyClosure.sorted(deps.deps(), rank);
      try {
        files = Outputs.produce(modules, closures, exported, inputs, settings, log, stdout);
      } catch (IndexCharacterException e) {
        log.fatal(e.kmodText());
      }
    }
    DepmodResult result = result(log, stdout, files,
        new DepmodResult.Stats(modules.size(), exported.size(), deps.unresolved(), onCycles, unreadable));
    return new Resolution(result,
        new KernelGraph(modules, deps, rank, exported,
            settings.kernelSymbols() != null && !settings.kernelSymbols().symbols().isEmpty()));
  }

  /** @param files the output files, or null when depmod fails (exit status 1, nothing written) */
  private static DepmodResult result(
      Log log, StringBuilder stdout, LinkedHashMap<String, byte[]> files, DepmodResult.Stats stats) {
    return new DepmodResult(log.lines(), stdout.toString().getBytes(StandardCharsets.ISO_8859_1),
        files == null ? 1 : 0, files == null ? new LinkedHashMap<>() : files, stats);
  }
}
