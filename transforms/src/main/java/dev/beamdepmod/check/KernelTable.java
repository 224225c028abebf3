package dev.beamdepmod.check;

import dev.beamdepmod.module.ElfFacts;
import dev.beamdepmod.resolve.KernelSymbols;
import dev.beamdepmod.schema.ExportedSymbol;
import dev.beamdepmod.schema.ModuleRecord;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one kernel offers a module being loaded, built once per kernel: every export (vmlinux's from
 * Module.symvers or System.map, its modules' from their records), the vermagic and ELF facts of its
 * modules, and the records themselves for depmod's resolution of the module's dependencies.
 *
 * @param source where vmlinux's symbols came from
 * @param vermagic the vermagic of the kernel's modules, null when none has one
 * @param elf ELF facts of one of the kernel's modules, null when none could be read
 * @param depmodSymbols vmlinux's symbols as depmod -E/-F loads them, null without either file
 */
public record KernelTable(
    String release,
    Source source,
    Map<String, Export> exports,
    String vermagic,
    ElfFacts elf,
    List<ModuleRecord> modules,
    KernelSymbols depmodSymbols)
    implements Serializable {

  /** Where vmlinux's symbols came from. */
  public enum Source {
    /** Module.symvers: names, CRCs, GPL-only flags and namespaces. */
    SYMVERS,
    /** System.map: names only. */
    SYSTEM_MAP,
    /** Neither: vmlinux's exports are unknown. */
    NONE
  }

  /**
   * @param modules the kernel's module records
   * @param symvers Module.symvers content, or null
   * @param systemMap System.map content, used when symvers is null; or null
   * @param elf ELF facts of one of the kernel's modules, or null
   */
  public static KernelTable of(String release, List<ModuleRecord> modules, byte[] symvers, byte[] systemMap, ElfFacts elf) {
    Map<String, Export> exports = new HashMap<>();
    Map<String, Export> fromSymvers = new HashMap<>();
    Source source = Source.NONE;
    KernelSymbols depmod = null;
    if (symvers != null) {
      source = Source.SYMVERS;
      for (Export e : Symvers.parse(symvers)) {
        fromSymvers.putIfAbsent(e.name(), e);
        if (e.module().equals(Export.VMLINUX)) exports.putIfAbsent(e.name(), e);
      }
      depmod = KernelSymbols.parseSymvers("Module.symvers", symvers, (char) 0);
    } else if (systemMap != null) {
      depmod = KernelSymbols.parseSystemMap("System.map", systemMap, (char) 0);
      // Debian's linux-image ships a placeholder System.map without symbols: as good as none
      source = depmod.symbols().isEmpty() ? Source.NONE : Source.SYSTEM_MAP;
      if (source == Source.NONE) depmod = null;
      for (KernelSymbols.Symbol s : depmod.symbols()) {
        exports.putIfAbsent(s.name(), new Export(s.name(), Export.VMLINUX, 0, false, null));
      }
    }
    String vermagic = null;
    for (ModuleRecord m : modules) {
      if (vermagic == null) vermagic = Modinfo.first(m, "vermagic");
      for (ExportedSymbol s : m.getExports()) {
        // the kernel's modules as found win over the build's list; GPL-only-ness only the list knows
        Export listed = fromSymvers.get(s.getName());
        exports.putIfAbsent(s.getName(), new Export(s.getName(), m.getName(), s.getCrc(),
            listed != null && listed.gplOnly(), s.getNamespace() != null ? s.getNamespace()
                : listed == null ? null : listed.namespace()));
      }
    }
    return new KernelTable(release, source, Map.copyOf(exports), vermagic, elf, List.copyOf(modules), depmod);
  }

  /** The kernel was built with CONFIG_MODVERSIONS (its vermagic says so). */
  public boolean modversions() {
    return vermagic != null && (" " + vermagic + " ").contains(" modversions ");
  }
}
