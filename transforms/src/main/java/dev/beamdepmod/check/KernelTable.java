package dev.beamdepmod.check;

import dev.beamdepmod.module.ElfFacts;
import dev.beamdepmod.resolve.KernelSymbols;
import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.schema.CheckDepmodSymbol;
import dev.beamdepmod.schema.CheckDepmodSymbols;
import dev.beamdepmod.schema.CheckExport;
import dev.beamdepmod.schema.CheckKernel;
import dev.beamdepmod.schema.CheckVmlinuxSource;
import dev.beamdepmod.schema.Diagnostic;
import dev.beamdepmod.schema.ExportedSymbol;
import dev.beamdepmod.schema.ImportedSymbol;
import dev.beamdepmod.schema.KernelSnapshot;
import dev.beamdepmod.schema.ModuleRecord;
import dev.beamdepmod.schema.SnapshotModule;
import dev.beamdepmod.schema.SnapshotSymbol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one kernel offers a module being loaded, built once per kernel: every export (vmlinux's from
 * Module.symvers or System.map, its modules' from their records), the vermagic and ELF facts of its
 * modules, and the records themselves for depmod's resolution of the module's dependencies.
 *
 * @param source where vmlinux's symbols came from: Module.symvers (names, CRCs, GPL-only flags,
 *     namespaces), System.map (names only) or neither (vmlinux's exports unknown)
 * @param vermagic the vermagic of the kernel's modules, null when none has one
 * @param elf ELF facts of one of the kernel's modules, null when unknown
 * @param elfUnknown why elf is null, for the pairs' notes
 * @param depmodSymbols vmlinux's symbols as depmod -E/-F loads them, null without either file
 */
public record KernelTable(
    String release,
    CheckVmlinuxSource source,
    Map<String, Export> exports,
    String vermagic,
    ElfFacts elf,
    String elfUnknown,
    List<ModuleRecord> modules,
    KernelSymbols depmodSymbols) {

  /** The table as the record the check pipeline broadcasts (exports sorted by name). */
  public CheckKernel toRecord() {
    List<CheckExport> list = new ArrayList<>(exports.size());
    for (Export e : new TreeMap<>(exports).values()) {
      list.add(new CheckExport(e.name(), e.module(), e.crc(), e.gplOnly(), e.namespace()));
    }
    CheckDepmodSymbols symbols = null;
    if (depmodSymbols != null) {
      List<CheckDepmodSymbol> s = new ArrayList<>(depmodSymbols.symbols().size());
      for (KernelSymbols.Symbol x : depmodSymbols.symbols()) s.add(new CheckDepmodSymbol(x.name(), x.crc()));
      List<Diagnostic> messages = new ArrayList<>();
      for (DepmodMessage m : depmodSymbols.messages()) messages.add(m.diagnostic());
      symbols = new CheckDepmodSymbols(depmodSymbols.fromSymvers(), s, messages);
    }
    return new CheckKernel(release, source, list, vermagic, elf == null ? null : elf.toRecord(), elfUnknown,
        modules, symbols);
  }

  /** The table {@link #toRecord} made the record of. */
  public static KernelTable of(CheckKernel r) {
    Map<String, Export> exports = new HashMap<>();
    for (CheckExport e : r.getExports()) {
      exports.put(e.getName(), new Export(e.getName(), e.getModule(), e.getCrc(), e.getGplOnly(), e.getNamespace()));
    }
    KernelSymbols symbols = null;
    if (r.getDepmodSymbols() != null) {
      List<KernelSymbols.Symbol> s = new ArrayList<>();
      for (CheckDepmodSymbol x : r.getDepmodSymbols().getSymbols()) s.add(new KernelSymbols.Symbol(x.getName(), x.getCrc()));
      List<DepmodMessage> messages = new ArrayList<>();
      for (Diagnostic d : r.getDepmodSymbols().getMessages()) messages.add(DepmodMessage.of(d));
      symbols = new KernelSymbols(r.getDepmodSymbols().getFromSymvers(), s, messages);
    }
    return new KernelTable(r.getRelease(), r.getSource(), Map.copyOf(exports), r.getVermagic(),
        r.getElf() == null ? null : ElfFacts.of(r.getElf()), r.getElfUnknown(), List.copyOf(r.getModules()), symbols);
  }


  /**
   * @param modules the kernel's module records
   * @param symvers Module.symvers content, or null
   * @param systemMap System.map content, used when symvers is null; or null
   * @param elf ELF facts of one of the kernel's modules, or null
   */
  public static KernelTable of(String release, List<ModuleRecord> modules, byte[] symvers, byte[] systemMap, ElfFacts elf) {
    Vmlinux vmlinux = new Vmlinux(symvers, systemMap);
    for (ModuleRecord m : modules) {
      for (ExportedSymbol s : m.getExports()) vmlinux.addModuleExport(m.getName(), s.getName(), s.getCrc(), s.getNamespace());
    }
    return new KernelTable(release, vmlinux.source, Map.copyOf(vmlinux.exports), ModinfoValues.vermagic(modules), elf,
        "no module of the kernel could be read", List.copyOf(modules), vmlinux.depmod);
  }

  /**
   * A kernel given as a matrix output directory: its snapshot holds the modules' names, owned
   * exports (CRCs, namespaces), dependencies and vermagic, but no ELF facts (those checks are not
   * made). For depmod's resolution of a module's dependencies each loadable module becomes a record
   * importing one symbol it got from each of its dependencies, which gives the snapshot's edges.
   *
   * @param symvers Module.symvers content (from a linux-headers package among the inputs), or null
   * @param systemMap System.map content, used when symvers is null; or null
   */
  public static KernelTable of(String release, KernelSnapshot snapshot, byte[] symvers, byte[] systemMap) {
    Vmlinux vmlinux = new Vmlinux(symvers, systemMap);
    Map<String, String> firstOwned = new HashMap<>();
    for (SnapshotModule m : snapshot.getModules()) {
      if (m.getBuiltin()) continue;
      for (SnapshotSymbol s : m.getExports()) {
        vmlinux.addModuleExport(m.getName(), s.getName(), s.getCrc(), s.getNamespace());
        firstOwned.putIfAbsent(m.getName(), s.getName());
      }
    }
    List<ModuleRecord> records = new ArrayList<>();
    for (SnapshotModule m : snapshot.getModules()) {
      if (m.getBuiltin()) continue;
      List<ExportedSymbol> exports = new ArrayList<>();
      for (SnapshotSymbol s : m.getExports()) exports.add(new ExportedSymbol(s.getName(), s.getCrc(), s.getNamespace()));
      List<ImportedSymbol> imports = new ArrayList<>();
      for (String d : m.getDepends()) {
        if (firstOwned.containsKey(d)) imports.add(new ImportedSymbol(firstOwned.get(d), false, 0L));
      }
      boolean inside = !m.getPath().startsWith("/");
      records.add(ModuleRecord.newBuilder().setKernel(release).setName(m.getName())
          .setPath(inside ? "/lib/modules/" + release + "/" + m.getPath() : m.getPath())
          .setRelpath(inside ? m.getPath() : null).setExports(exports).setImports(imports)
          .setModinfo(new ArrayList<>(0)).setDiscovery(records.size()).build());
    }
    return new KernelTable(release, vmlinux.source, Map.copyOf(vmlinux.exports), snapshot.getVermagic(), null,
        "the kernel was given as a matrix output directory, whose snapshot holds no ELF facts",
        List.copyOf(records), vmlinux.depmod);
  }

  /** vmlinux's exports, then the modules' exports added to them. */
  private static final class Vmlinux {
    final Map<String, Export> exports = new HashMap<>();
    final Map<String, Export> fromSymvers = new HashMap<>();
    CheckVmlinuxSource source = CheckVmlinuxSource.NONE;
    KernelSymbols depmod;

    Vmlinux(byte[] symvers, byte[] systemMap) {
      if (symvers != null) {
        source = CheckVmlinuxSource.SYMVERS;
        for (Export e : Symvers.parse(symvers)) {
          fromSymvers.putIfAbsent(e.name(), e);
          if (e.module().equals(Export.VMLINUX)) exports.putIfAbsent(e.name(), e);
        }
        depmod = KernelSymbols.parseSymvers("Module.symvers", symvers, (char) 0);
      } else if (systemMap != null) {
        KernelSymbols map = KernelSymbols.parseSystemMap("System.map", systemMap, (char) 0);
        // Debian's linux-image ships a placeholder System.map without symbols: as good as none
        if (map.symbols().isEmpty()) return;
        source = CheckVmlinuxSource.SYSTEM_MAP;
        depmod = map;
        for (KernelSymbols.Symbol s : map.symbols()) {
          exports.putIfAbsent(s.name(), new Export(s.name(), Export.VMLINUX, 0, false, null));
        }
      }
    }

    /** The kernel's modules as found win over the build's list; GPL-only-ness only the list knows. */
    void addModuleExport(String module, String name, long crc, String namespace) {
      Export listed = fromSymvers.get(name);
      exports.putIfAbsent(name, new Export(name, module, crc, listed != null && listed.gplOnly(),
          namespace != null ? namespace : listed == null ? null : listed.namespace()));
    }
  }

  /** The kernel was built with CONFIG_MODVERSIONS (its vermagic says so). */
  public boolean modversions() {
    return vermagic != null && (" " + vermagic + " ").contains(" modversions ");
  }
}
