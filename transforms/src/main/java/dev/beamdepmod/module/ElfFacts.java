package dev.beamdepmod.module;

import dev.beamdepmod.schema.CheckElf;
import java.util.ArrayList;

/**
 * What the kernel's loader checks of a module's ELF before its symbols: class (32/64-bit), byte
 * order, machine, and the size of {@code .gnu.linkonce.this_module} (the module's {@code struct
 * module}). Read from any module file, compressed or not, for {@code beam-depmod check}.
 *
 * @param thisModuleSize size of .gnu.linkonce.this_module, -1 when the section is missing
 */
public record ElfFacts(boolean is64, boolean bigEndian, int machine, long thisModuleSize) {
  /** The section holding the module's struct module, for reports. */
  public static final String THIS_MODULE = ElfModule.Named.THIS_MODULE.sectionName();

  /** @return the facts, or null when the file is no readable ELF module */
  public static ElfFacts read(ModuleSource source) {
    try {
      ElfModule elf = new ModuleContent(source, new ArrayList<>(0)).elf();
      return new ElfFacts(elf.is64(), elf.bigEndian(), elf.machine(), elf.sectionSize(ElfModule.Named.THIS_MODULE));
    } catch (ReadFailure f) {
      return null;
    }
  }

  /** The facts as the record the check pipeline carries. */
  public CheckElf toRecord() {
    return new CheckElf(is64, bigEndian, machine, thisModuleSize);
  }

  public static ElfFacts of(CheckElf r) {
    return new ElfFacts(r.getIs64(), r.getBigEndian(), r.getMachine(), r.getThisModuleSize());
  }

  /** "ELF64 little-endian machine 62", for reports. */
  public String describe() {
    return (is64 ? "ELF64" : "ELF32") + " " + (bigEndian ? "big-endian" : "little-endian") + " machine " + machine;
  }
}
