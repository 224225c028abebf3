package dev.beamdepmod.resolve;

import static dev.beamdepmod.config.DepmodMessage.fatal;

import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.diagnostics.Console;
import dev.beamdepmod.index.IndexCharacterException;
import dev.beamdepmod.schema.Diagnostic;
import dev.beamdepmod.schema.ModuleRecord;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * depmod's work for one kernel after the modules were read: order, symbols, dependencies, outputs.
 * It continues the kernel's console, after what was printed earlier (options, -E/-F loading,
 * configuration, directory walk, the output directory's preparation).
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
    return resolveWithGraph(records, inputs, settings, OutputTarget.of(settings, null), new Console(settings.verbose()));
  }

  /**
   * @param target where the outputs go
   * @param console the kernel's console, continued here; the result holds it
   */
  public static Resolution resolveWithGraph(
      Collection<ModuleRecord> records, KernelInputs inputs, DepmodSettings settings, OutputTarget target,
      Console console) {
    if (records.size() >= MAX_MODULES) {
      console.accept(fatal("could not build module array: Numerical result out of range"));
      return new Resolution(
          new DepmodResult(console, new LinkedHashMap<>(), new DepmodResult.Stats(records.size(), 0, 0, 0, 0)), null);
    }
    List<Module> modules = ModuleOrder.of(records, inputs, console);
    int unreadable = 0;
    for (Module m : modules) {
      boolean failed = false;
      for (Diagnostic message : m.record().getMessages()) {
        console.accept(DepmodMessage.of(message));
        failed |= message.getText().contains("failed to load symbols");
      }
      unreadable += failed ? 1 : 0;
    }
    SymbolTable symbols = SymbolTable.build(modules, settings);
    List<SymbolTable.Symbol> exported = symbols.moduleSymbols();
    Dependencies deps = Dependencies.resolve(modules, symbols, settings, console);
    int[] rank = TopologicalSort.ranks(deps.deps(), deps.users());
    int onCycles = 0;
    LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
    if (Arrays.stream(rank).anyMatch(r -> r < 0)) {
      onCycles = CycleReport.report(modules, deps.deps(), rank, console);
      console.fail();
    } else if (target.open(console)) {
      int[][] closures = DependencyClosure.sorted(deps.deps(), rank);
      try {
        files = Outputs.produce(modules, closures, exported, inputs, settings, target, console);
      } catch (IndexCharacterException e) {
        console.accept(fatal(e.kmodText()));
      }
    }
    DepmodResult result = new DepmodResult(console, files,
        new DepmodResult.Stats(modules.size(), exported.size(), deps.unresolved(), onCycles, unreadable));
    return new Resolution(result,
        new KernelGraph(modules, deps, rank, exported,
            settings.kernelSymbols() != null && !settings.kernelSymbols().symbols().isEmpty()));
  }
}
