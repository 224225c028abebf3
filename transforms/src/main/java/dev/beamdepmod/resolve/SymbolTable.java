package dev.beamdepmod.resolve;

import dev.beamdepmod.index.KmodHash;
import dev.beamdepmod.schema.ExportedSymbol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** depmod's symbol table: each name maps to its last provider (kernel or module) and CRC. */
final class SymbolTable {
  /** Owner value of kernel symbols. */
  static final int KERNEL = -1;

  /** @param namespace the export's namespace, null for none and for kernel symbols */
  record Symbol(String name, int owner, long crc, String namespace) {
    boolean fromKernel() {
      return owner == KERNEL;
    }
  }

  private final Map<String, Symbol> byName = new HashMap<>();
  private final char prefix;

  private SymbolTable(char prefix) {
    this.prefix = prefix;
  }

  /** Kernel symbols (with the fake ones) first, then every module's exports in module order. */
  static SymbolTable build(List<Module> modules, DepmodSettings settings) {
    SymbolTable table = new SymbolTable(settings.symbolPrefix());
    KernelSymbols kernel = settings.kernelSymbols();
    if (kernel != null) {
      for (KernelSymbols.Symbol s : kernel.symbols()) {
        table.put(s.name(), KERNEL, s.crc(), null);
      }
      // symbols the kernel's loader or some architectures provide without exporting them
      table.put("__this_module", KERNEL, 0, null);
      table.put("_GLOBAL_OFFSET_TABLE_", KERNEL, 0, null);
      if (table.find("TOC.") == null) {
        table.put("TOC.", KERNEL, 0, null);
      }
    }
    for (Module m : modules) {
      for (ExportedSymbol e : m.record().getExports()) {
        table.put(KernelSymbols.withoutPrefix(e.getName(), table.prefix), m.index(), e.getCrc(), e.getNamespace());
      }
    }
    return table;
  }

  private void put(String name, int owner, long crc, String namespace) {
    byName.put(name, new Symbol(name, owner, crc, namespace));
  }

  /** Looks an imported name up: one leading '.' (PPC64) and then one -P character are ignored. */
  Symbol find(String importName) {
    String name = importName.startsWith(".") ? importName.substring(1) : importName;
    return byName.get(KernelSymbols.withoutPrefix(name, prefix));
  }

  /** The module-owned symbols in the table's iteration order. */
  List<Symbol> moduleSymbols() {
    List<Symbol> owned = new ArrayList<>();
    for (Symbol s : byName.values()) {
      if (!s.fromKernel()) {
        owned.add(s);
      }
    }
    return KmodHash.tableOrder(owned, Symbol::name, KmodHash.SYMBOL_BUCKETS);
  }
}
