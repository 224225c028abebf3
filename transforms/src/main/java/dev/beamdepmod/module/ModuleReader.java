package dev.beamdepmod.module;

import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.schema.Diagnostic;
import dev.beamdepmod.schema.ExportedSymbol;
import dev.beamdepmod.schema.ImportedSymbol;
import dev.beamdepmod.schema.ModinfoEntry;
import dev.beamdepmod.schema.ModuleRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one module file the way depmod does (decompression, ELF, exports, imports, modinfo).
 * Never throws for bad content: problems become depmod's messages in the record.
 *
 * <p>depmod reads each module three times in a row: exported symbols, then modinfo, then imports.
 * Only the first read reports failure ("failed to load symbols from ..."); the other two fail
 * silently except for the decompression library's own messages, which every attempt repeats.
 */
public final class ModuleReader {
  private ModuleReader() {}

  /**
   * @param path absolute path as depmod prints it; its last component gives the module name
   * @return record with name, path, exports, imports, modinfo and messages; kernel and relpath unset
   */
  public static ModuleRecord read(String path, ModuleSource source) {
    return new Reading(path, source).run();
  }

  /** The record of a module file that could not even be opened, with depmod's message. */
  public static ModuleRecord unreadable(String path, String strerror) {
    return new Reading(path, null).unreadable(strerror);
  }

  /** One module's three reads and the messages they print. */
  private static final class Reading {
    private final String path;
    private final ModuleSource source;
    private final List<Diagnostic> messages = new ArrayList<>(0);
    private boolean reported;

    Reading(String path, ModuleSource source) {
      this.path = path;
      this.source = source;
    }

    ModuleRecord run() {
      ModuleContent content = new ModuleContent(source, messages);
      RecordBudget budget = new RecordBudget();
      List<ExportedSymbol> exports;
      try {
        exports = Exports.read(content.elf(), budget);
      } catch (ReadFailure f) {
        if (f.failsWholeModule()) {
          return unreadable(f.strerror());
        }
        reportFailure(f.strerror());
        exports = new ArrayList<>(0);
      }
      List<ModinfoEntry> modinfo;
      try {
        modinfo = Modinfo.read(content.elf(), budget);
      } catch (ReadFailure f) {
        if (f.failsWholeModule()) {
          return unreadable(f.strerror());
        }
        modinfo = new ArrayList<>(0);
      }
      List<ImportedSymbol> imports;
      try {
        imports = Imports.read(content.elf(), budget);
      } catch (ReadFailure f) {
        if (f.failsWholeModule()) {
          return unreadable(f.strerror());
        }
        imports = new ArrayList<>(0);
      }
      if (!exports.isEmpty()) {
        // Last, so that namespaces (which depmod does not read) only get what the budget has left.
        Namespaces.assign(content.opened(), exports, budget);
      }
      return record(exports, imports, modinfo);
    }

    /** A module treated as unreadable as a whole: one failure message, nothing read. */
    ModuleRecord unreadable(String strerror) {
      reportFailure(strerror);
      return record(new ArrayList<>(0), new ArrayList<>(0), new ArrayList<>(0));
    }

    /** depmod's message for the module; only its first read reports one. */
    private void reportFailure(String strerror) {
      if (!reported) {
        reported = true;
        messages.add(DepmodMessage.error("failed to load symbols from " + path + ": " + strerror).diagnostic());
      }
    }

    private ModuleRecord record(List<ExportedSymbol> exports, List<ImportedSymbol> imports, List<ModinfoEntry> modinfo) {
      return ModuleRecord.newBuilder()
          .setName(ModuleName.of(path))
          .setPath(path)
          .setExports(exports)
          .setImports(imports)
          .setModinfo(modinfo)
          .setMessages(messages)
          .build();
    }
  }
}
