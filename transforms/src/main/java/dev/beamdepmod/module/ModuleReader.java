package dev.beamdepmod.module;

import dev.beamdepmod.schema.ModuleRecord;

/**
 * Reads one module file the way depmod does (decompression, ELF, exports, imports, modinfo).
 * Never throws for bad content: problems become depmod's messages in the record.
 */
public final class ModuleReader {
  private ModuleReader() {}

  /**
   * @param path absolute path as depmod prints it; its last component gives the module name
   * @return record with name, path, exports, imports, modinfo and messages; kernel and relpath unset
   */
  public static ModuleRecord read(String path, ModuleSource source) {
    throw new UnsupportedOperationException("TODO");
  }
}
