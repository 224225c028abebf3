package dev.beamdepmod.resolve;

import static dev.beamdepmod.config.DepmodMessage.warning;

import dev.beamdepmod.diagnostics.Console;
import dev.beamdepmod.index.Index;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * depmod's eleven output files, produced in its write order, each where its {@link OutputTarget}
 * sends it (with -n the text files to stdout one after another, no index).
 */
final class Outputs {
  private final List<Module> modules;
  private final String[] depLines;
  private final List<SymbolTable.Symbol> moduleSymbols;
  private final DepmodSettings settings;
  private final OutputTarget target;
  private final Console console;
  private final LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();

  private Outputs(List<Module> modules, int[][] closures, List<SymbolTable.Symbol> moduleSymbols,
      DepmodSettings settings, OutputTarget target, Console console) {
    this.modules = modules;
    this.moduleSymbols = moduleSymbols;
    this.settings = settings;
    this.target = target;
    this.console = console;
    this.depLines = new String[modules.size()];
    for (Module m : modules) {
      StringBuilder line = new StringBuilder(m.printedPath()).append(':');
      for (int d : closures[m.index()]) {
        line.append(' ').append(modules.get(d).printedPath());
      }
      depLines[m.index()] = line.toString();
    }
  }

  /**
   * @param closures per module its dependency closure in rank order
   * @param moduleSymbols the module-owned symbols in symbol-table order
   * @return the files to write (empty with -n)
   * @throws dev.beamdepmod.index.IndexCharacterException for a byte depmod refuses in an index
   */
  static LinkedHashMap<String, byte[]> produce(List<Module> modules, int[][] closures,
      List<SymbolTable.Symbol> moduleSymbols, KernelInputs inputs, DepmodSettings settings,
      OutputTarget target, Console console) {
    Outputs o = new Outputs(modules, closures, moduleSymbols, settings, target, console);
    o.text("modules.dep", String.join("\n", o.depLines) + (modules.isEmpty() ? "" : "\n"));
    o.index("modules.dep.bin", o::depIndex);
    o.text("modules.alias", o.perValue("# Aliases extracted from modules themselves.\n",
        Module::aliases, (m, v) -> "alias " + v + " " + m.name()));
    o.index("modules.alias.bin", o::aliasIndex);
    o.text("modules.softdep", o.perValue("# Soft dependencies extracted from modules themselves.\n",
        Module::softdeps, (m, v) -> "softdep " + m.name() + " " + v));
    o.text("modules.weakdep", o.perValue("# Weak dependencies extracted from modules themselves.\n",
        Module::weakdeps, (m, v) -> "weakdep " + m.name() + " " + v));
    o.text("modules.symbols", o.symbolText());
    o.index("modules.symbols.bin", o::symbolIndex);
    o.index("modules.builtin.bin", () -> BuiltinIndexes.builtin(inputs, console));
    o.index("modules.builtin.alias.bin", () -> BuiltinIndexes.builtinAliases(inputs, console));
    o.text("modules.devname", Devnames.text(modules, console));
    return o.files;
  }

  private void text(String name, String content) {
    target.text(name, content, files, console);
  }

  private void index(String name, Supplier<byte[]> content) {
    target.index(name, content, files);
  }

  private String perValue(String header, Function<Module, List<String>> values,
      BiFunction<Module, String, String> line) {
    StringBuilder out = new StringBuilder(header);
    for (Module m : modules) {
      for (String v : values.apply(m)) {
        out.append(line.apply(m, v)).append('\n');
      }
    }
    return out.toString();
  }

  private String symbolText() {
    StringBuilder out = new StringBuilder("# Aliases for symbols, used by symbol_request().\n");
    for (SymbolTable.Symbol s : moduleSymbols) {
      out.append("alias symbol:").append(s.name()).append(' ')
          .append(modules.get(s.owner()).name()).append('\n');
    }
    return out.toString();
  }

  private byte[] depIndex() {
    Index index = new Index();
    for (Module m : modules) {
      index.insert(m.name(), depLines[m.index()], m.index());
    }
    return index.toBytes();
  }

  private byte[] aliasIndex() {
    Index index = new Index();
    for (Module m : modules) {
      for (String value : m.aliases()) {
        String alias = AliasNormalizer.normalize(value);
        if (alias == null) {
          console.accept(warning("Unmatched bracket in " + value));
          continue;
        }
        if (index.insert(alias, m.name(), m.index()) && settings.warnDuplicates()) {
          console.accept(warning("duplicate module alias:\n" + alias + " " + m.name()));
        }
      }
    }
    return index.toBytes();
  }

  private byte[] symbolIndex() {
    Index index = new Index();
    for (SymbolTable.Symbol s : moduleSymbols) {
      Module owner = modules.get(s.owner());
      index.insert("symbol:" + s.name(), owner.name(), owner.index());
    }
    return index.toBytes();
  }
}
