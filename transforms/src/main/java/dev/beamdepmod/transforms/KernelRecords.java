package dev.beamdepmod.transforms;

import dev.beamdepmod.config.DepmodConfig;
import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.config.SearchEntry;
import dev.beamdepmod.diagnostics.Console;
import dev.beamdepmod.resolve.DepmodResult;
import dev.beamdepmod.resolve.DepmodSettings;
import dev.beamdepmod.resolve.KernelSymbols;
import dev.beamdepmod.schema.DepmodConfigRecord;
import dev.beamdepmod.schema.DepmodSettingsRecord;
import dev.beamdepmod.schema.Diagnostic;
import dev.beamdepmod.schema.KernelResolutionRecord;
import dev.beamdepmod.schema.KernelSpecRecord;
import dev.beamdepmod.schema.KernelSymbolsRecord;
import dev.beamdepmod.schema.OutputFileRecord;
import dev.beamdepmod.schema.ResolutionStats;
import dev.beamdepmod.schema.SearchEntryRecord;
import dev.beamdepmod.schema.SearchKind;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.DelegateCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;

/**
 * The Avro coders of the kernel specs and resolutions that cross the pipeline
 * ({@code kernel-spec.avsc}, {@code kernel-resolution.avsc}), and the conversions behind them.
 */
public final class KernelRecords {
  private KernelRecords() {}

  public static Coder<KernelSpec> specCoder() {
    return DelegateCoder.of(AvroCoder.specific(KernelSpecRecord.class), KernelRecords::record, KernelRecords::spec);
  }

  public static Coder<KernelResolution> resolutionCoder() {
    return DelegateCoder.of(
        AvroCoder.specific(KernelResolutionRecord.class), KernelRecords::record, KernelRecords::resolution);
  }

  static KernelSpecRecord record(KernelSpec s) {
    return new KernelSpecRecord(
        s.kernel(), s.dirname(), s.inputDir(), s.outputDir(), s.outputDirName(), record(s.settings()),
        s.config() == null ? null : record(s.config()), s.console().record(), s.snapshot(),
        s.outputFailure() == null ? null : s.outputFailure().diagnostic());
  }

  static KernelSpec spec(KernelSpecRecord r) {
    return new KernelSpec(
        r.getKernel(), r.getDirname(), r.getInputDir(), r.getOutputDir(), r.getOutputDirName(),
        settings(r.getSettings()), r.getConfig() == null ? null : config(r.getConfig()),
        Console.of(r.getConsole()), r.getSnapshot(),
        r.getOutputFailure() == null ? null : DepmodMessage.of(r.getOutputFailure()));
  }

  static KernelResolutionRecord record(KernelResolution r) {
    List<OutputFileRecord> files = new ArrayList<>();
    r.result().files().forEach((name, content) -> files.add(new OutputFileRecord(name, ByteBuffer.wrap(content))));
    DepmodResult.Stats st = r.result().stats();
    return new KernelResolutionRecord(
        record(r.spec()), r.result().console().record(), files,
        new ResolutionStats(st.modules(), st.exports(), st.unresolved(), st.cycleModules(), st.unreadableModules()),
        r.snapshot() == null ? null : ByteBuffer.wrap(r.snapshot()));
  }

  static KernelResolution resolution(KernelResolutionRecord r) {
    LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
    for (OutputFileRecord f : r.getFiles()) files.put(f.getName(), bytes(f.getContent()));
    ResolutionStats st = r.getStats();
    DepmodResult result = new DepmodResult(Console.of(r.getConsole()), files,
        new DepmodResult.Stats(st.getModules(), st.getExports(), st.getUnresolved(), st.getCycleModules(),
            st.getUnreadableModules()));
    return new KernelResolution(spec(r.getSpec()), result, r.getSnapshot() == null ? null : bytes(r.getSnapshot()));
  }

  private static DepmodSettingsRecord record(DepmodSettings s) {
    KernelSymbols k = s.kernelSymbols();
    KernelSymbolsRecord symbols = null;
    if (k != null) {
      List<String> names = new ArrayList<>(k.symbols().size());
      List<Long> crcs = new ArrayList<>(k.symbols().size());
      for (KernelSymbols.Symbol sym : k.symbols()) {
        names.add(sym.name());
        crcs.add(sym.crc());
      }
      symbols = new KernelSymbolsRecord(k.fromSymvers(), names, crcs, diagnostics(k.messages()));
    }
    return new DepmodSettingsRecord(
        (int) s.symbolPrefix(), s.verbose(), s.errSyms(), symbols, s.warnDuplicates(), s.dryRun());
  }

  private static DepmodSettings settings(DepmodSettingsRecord r) {
    KernelSymbolsRecord k = r.getKernelSymbols();
    KernelSymbols symbols = null;
    if (k != null) {
      List<KernelSymbols.Symbol> list = new ArrayList<>(k.getNames().size());
      for (int i = 0; i < k.getNames().size(); i++) list.add(new KernelSymbols.Symbol(k.getNames().get(i), k.getCrcs().get(i)));
      symbols = new KernelSymbols(k.getFromSymvers(), list, messages(k.getMessages()));
    }
    return new DepmodSettings(
        (char) r.getSymbolPrefix(), r.getVerbose(), r.getErrSyms(), symbols, r.getWarnDuplicates(), r.getDryRun());
  }

  private static DepmodConfigRecord record(DepmodConfig c) {
    List<SearchEntryRecord> searches = new ArrayList<>();
    for (SearchEntry e : c.searches()) searches.add(new SearchEntryRecord(SearchKind.valueOf(e.kind().name()), e.path()));
    return new DepmodConfigRecord(searches, c.overrides(), c.externals(), c.excludes(), diagnostics(c.messages()));
  }

  private static DepmodConfig config(DepmodConfigRecord r) {
    List<SearchEntry> searches = new ArrayList<>();
    for (SearchEntryRecord e : r.getSearches()) {
      searches.add(new SearchEntry(SearchEntry.Kind.valueOf(e.getKind().name()), e.getPath()));
    }
    return new DepmodConfig(searches, r.getOverrides(), r.getExternals(), r.getExcludes(), messages(r.getMessages()));
  }

  private static List<Diagnostic> diagnostics(List<DepmodMessage> messages) {
    return messages.stream().map(DepmodMessage::diagnostic).toList();
  }

  private static List<DepmodMessage> messages(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(DepmodMessage::of).toList();
  }

  static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }
}
