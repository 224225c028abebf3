package dev.beamdepmod.check;

import dev.beamdepmod.module.ByteBufferSource;
import dev.beamdepmod.module.ElfFacts;
import dev.beamdepmod.module.ModuleReader;
import dev.beamdepmod.schema.CheckModule;
import dev.beamdepmod.schema.ModuleRecord;

/**
 * A module to be checked against kernels: its record as depmod reads it, and its ELF facts.
 *
 * @param file the file as given (inside a package: package!entry)
 * @param elf null when the file is no readable ELF module
 */
public record Candidate(String file, ModuleRecord record, ElfFacts elf) {
  /**
   * Reads a module file's content (any compression).
   *
   * @param path the path its module name is taken from (its last component)
   */
  public static Candidate read(String file, String path, byte[] content) {
    return new Candidate(file, ModuleReader.read(path, ByteBufferSource.of(content)), ElfFacts.read(ByteBufferSource.of(content)));
  }

  /** The module as the record the check pipeline broadcasts. */
  public CheckModule toRecord() {
    return new CheckModule(file, record, elf == null ? null : elf.toRecord());
  }

  public static Candidate of(CheckModule r) {
    return new Candidate(r.getFile(), r.getRecord(), r.getElf() == null ? null : ElfFacts.of(r.getElf()));
  }

  public String name() {
    return record.getName();
  }
}
