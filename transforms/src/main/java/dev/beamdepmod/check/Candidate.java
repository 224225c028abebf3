package dev.beamdepmod.check;

import dev.beamdepmod.module.ByteBufferSource;
import dev.beamdepmod.module.ElfFacts;
import dev.beamdepmod.module.ModuleReader;
import dev.beamdepmod.schema.ModuleRecord;
import java.io.Serializable;

/**
 * A module to be checked against kernels: its record as depmod reads it, and its ELF facts.
 *
 * @param file the file as given (inside a package: package!entry)
 * @param elf null when the file is no readable ELF module
 */
public record Candidate(String file, ModuleRecord record, ElfFacts elf) implements Serializable {
  /**
   * Reads a module file's content (any compression).
   *
   * @param path the path its module name is taken from (its last component)
   */
  public static Candidate read(String file, String path, byte[] content) {
    return new Candidate(file, ModuleReader.read(path, ByteBufferSource.of(content)), ElfFacts.read(ByteBufferSource.of(content)));
  }

  public String name() {
    return record.getName();
  }
}
