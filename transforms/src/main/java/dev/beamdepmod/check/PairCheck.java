package dev.beamdepmod.check;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.beamdepmod.module.ElfFacts;
import dev.beamdepmod.resolve.DepmodResult;
import dev.beamdepmod.resolve.DepmodSettings;
import dev.beamdepmod.resolve.FileContent;
import dev.beamdepmod.resolve.KernelInputs;
import dev.beamdepmod.resolve.Resolver;
import dev.beamdepmod.schema.CheckResult;
import dev.beamdepmod.schema.CheckVmlinuxSource;
import dev.beamdepmod.schema.ImportedSymbol;
import dev.beamdepmod.schema.ModuleRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks the kernel's module loader makes, for one module and one kernel (docs/check.md says
 * where each comes from). Beam-free; one call per pair.
 */
public final class PairCheck {
  private PairCheck() {}

  /** Where the module is placed in the kernel for depmod's resolution of its dependencies. */
  static final String PLACE = "updates/";

  /** The license strings the kernel treats as GPL-compatible (include/linux/license.h). */
  private static final Set<String> GPL_COMPATIBLE = Set.of(
      "GPL", "GPL v2", "GPL and additional rights", "Dual BSD/GPL", "Dual MIT/GPL", "Dual MPL/GPL");

  public static CheckResult check(Candidate module, KernelTable kernel) {
    ModuleRecord record = module.record();
    List<String> notes = new ArrayList<>();
    CheckResult.Builder r = CheckResult.newBuilder()
        .setModule(record.getName()).setFile(module.file()).setKernel(kernel.release());

    r.setElfMismatch(elfMismatch(module.elf(), kernel.elf(), kernel.elfUnknown(), notes));
    boolean versioned = record.getImports().stream().anyMatch(i -> i.getCrc() != 0);
    r.setVermagicMismatch(vermagicMismatch(ModinfoValues.first(record, "vermagic"), kernel.vermagic(), versioned, notes));

    Set<String> unknown = new TreeSet<>();
    Set<String> crcs = new TreeSet<>();
    Set<String> namespaces = new TreeSet<>();
    Set<String> gplOnly = new TreeSet<>();
    Set<String> imported = Set.copyOf(ModinfoValues.all(record, "import_ns"));
    String license = ModinfoValues.first(record, "license");
    boolean gplCompatible = license != null && GPL_COMPATIBLE.contains(license);
    boolean vmlinuxKnown = kernel.source() != CheckVmlinuxSource.NONE;
    if (!vmlinuxKnown) notes.add("no Module.symvers or System.map: vmlinux's exports unknown, only the kernel's modules checked");
    if (kernel.source() == CheckVmlinuxSource.SYSTEM_MAP) {
      notes.add("System.map only: vmlinux's CRCs, GPL-only flags and namespaces unknown (not checked)");
    }
    for (ImportedSymbol i : record.getImports()) {
      Export p = kernel.exports().get(i.getName());
      // a kernel module of the same name is the one the module in updates/ replaces
      if (p != null && p.module().equals(record.getName())) p = null;
      if (p == null) {
        if (!i.getWeak() && vmlinuxKnown) unknown.add(i.getName());
        continue;
      }
      if (i.getCrc() != 0 && p.crc() != 0 && (i.getCrc() & 0xFFFFFFFFL) != (p.crc() & 0xFFFFFFFFL)) {
        crcs.add(i.getName());
      }
      if (p.namespace() != null && !imported.contains(p.namespace())) namespaces.add(i.getName() + ":" + p.namespace());
      if (p.gplOnly() && !gplCompatible) gplOnly.add(i.getName());
    }
    r.setUnknownSymbols(List.copyOf(unknown)).setCrcMismatches(List.copyOf(crcs))
        .setMissingNamespaces(List.copyOf(namespaces)).setGplOnlySymbols(List.copyOf(gplOnly));
    r.setThisModuleSizeMismatch(sizeMismatch(module.elf(), kernel.elf(), notes));
    r.setDependencies(dependencies(record, kernel));
    r.setNotes(notes);
    r.setLoads(r.getElfMismatch() == null && r.getVermagicMismatch() == null && unknown.isEmpty() && crcs.isEmpty()
        && namespaces.isEmpty() && gplOnly.isEmpty() && r.getThisModuleSizeMismatch() == null && module.elf() != null);
    if (module.elf() == null) notes.add("the module file could not be read as an ELF module");
    return r.build();
  }

  /** @param unknown why the kernel's facts are unknown when k is null */
  static String elfMismatch(ElfFacts m, ElfFacts k, String unknown, List<String> notes) {
    if (m == null) return "not an ELF module";
    if (k == null) {
      notes.add(unknown + ": ELF class, byte order, machine and struct module size not checked");
      return null;
    }
    if (m.is64() == k.is64() && m.bigEndian() == k.bigEndian() && m.machine() == k.machine()) return null;
    return "module " + m.describe() + ", kernel " + k.describe();
  }

  /** As the kernel compares them: with modversions on the module's side, from the first space on. */
  static String vermagicMismatch(String module, String kernel, boolean versioned, List<String> notes) {
    if (kernel == null) {
      notes.add("the kernel's vermagic is unknown (no module of it has one): not checked");
      return null;
    }
    if (module == null) return "module has no vermagic, kernel \"" + kernel + "\"";
    boolean same = versioned ? afterRelease(module).equals(afterRelease(kernel)) : module.equals(kernel);
    return same ? null : "module \"" + module + "\", kernel \"" + kernel + "\"";
  }

  private static String afterRelease(String vermagic) {
    int space = vermagic.indexOf(' ');
    return space < 0 ? "" : vermagic.substring(space);
  }

  static String sizeMismatch(ElfFacts m, ElfFacts k, List<String> notes) {
    if (m == null || k == null) return null;
    if (m.thisModuleSize() < 0) return "module has no " + ElfFacts.THIS_MODULE;
    if (k.thisModuleSize() < 0) {
      notes.add("the kernel's struct module size is unknown: not checked");
      return null;
    }
    return m.thisModuleSize() == k.thisModuleSize() ? null
        : "module " + m.thisModuleSize() + " bytes, kernel " + k.thisModuleSize() + " bytes";
  }

  /** The module's modules.dep line, by depmod's own resolution with the module alone in updates/. */
  static List<String> dependencies(ModuleRecord record, KernelTable kernel) {
    String relpath = PLACE + record.getName() + ".ko";
    List<ModuleRecord> all = new ArrayList<>(kernel.modules().size() + 1);
    for (ModuleRecord m : kernel.modules()) if (!m.getName().equals(record.getName())) all.add(m);
    ModuleRecord placed = ModuleRecord.newBuilder(record).setKernel(kernel.release()).setRelpath(relpath)
        .setPath("/lib/modules/" + kernel.release() + "/" + relpath).setDiscovery(-1).build();
    all.add(placed);
    FileContent none = FileContent.missing("No such file or directory");
    KernelInputs inputs = new KernelInputs("/lib/modules/" + kernel.release(), none, none, none);
    DepmodSettings settings = new DepmodSettings((char) 0, 0, false, kernel.depmodSymbols(), false, false);
    DepmodResult result = Resolver.resolve(all, inputs, settings);
    byte[] dep = result.files().get("modules.dep");
    if (dep == null) return List.of();
    String prefix = relpath + ":";
    for (String line : new String(dep, ISO_8859_1).split("\n")) {
      if (line.startsWith(prefix)) {
        String rest = line.substring(prefix.length()).trim();
        return rest.isEmpty() ? List.of() : List.of(rest.split(" "));
      }
    }
    return List.of();
  }
}
