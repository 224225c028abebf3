package dev.beamdepmod.resolve;

import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.schema.Diagnostic;
import dev.beamdepmod.schema.ExportedSymbol;
import dev.beamdepmod.schema.ImportedSymbol;
import dev.beamdepmod.schema.ModinfoEntry;
import dev.beamdepmod.schema.ModuleRecord;
import java.util.ArrayList;
import java.util.List;

/** Builds ModuleRecords for tests, as a reader would for a module under {@link #DIR}. */
final class Mod {
  static final String DIR = "/w/root/lib/modules/1.0";

  private final String name;
  private final String path;
  private final String relpath;
  private final List<ExportedSymbol> exports = new ArrayList<>();
  private final List<ImportedSymbol> imports = new ArrayList<>();
  private final List<ModinfoEntry> modinfo = new ArrayList<>();
  private final List<Diagnostic> messages = new ArrayList<>();

  private Mod(String path, String relpath) {
    this.path = path;
    this.relpath = relpath;
    String file = path.substring(path.lastIndexOf('/') + 1);
    int dot = file.indexOf('.');
    this.name = (dot < 0 ? file : file.substring(0, dot)).replace('-', '_');
  }

  /** A module at DIR/relpath. */
  static Mod at(String relpath) {
    return new Mod(DIR + "/" + relpath, relpath);
  }

  /** A module outside DIR (no relpath). */
  static Mod external(String path) {
    return new Mod(path, null);
  }

  Mod exports(String... names) {
    for (String n : names) {
      export(n, 0);
    }
    return this;
  }

  Mod export(String name, long crc) {
    exports.add(new ExportedSymbol(name, crc, null));
    return this;
  }

  Mod exportNs(String name, String namespace) {
    exports.add(new ExportedSymbol(name, 0L, namespace));
    return this;
  }

  Mod imports(String... names) {
    for (String n : names) {
      imports.add(new ImportedSymbol(n, false, 0L));
    }
    return this;
  }

  Mod importCrc(String name, long crc) {
    imports.add(new ImportedSymbol(name, false, crc));
    return this;
  }

  Mod weak(String name) {
    imports.add(new ImportedSymbol(name, true, 0L));
    return this;
  }

  Mod info(String key, String value) {
    modinfo.add(new ModinfoEntry(key, value));
    return this;
  }

  Mod alias(String... values) {
    for (String v : values) {
      info("alias", v);
    }
    return this;
  }

  Mod message(DepmodMessage m) {
    messages.add(m.diagnostic());
    return this;
  }

  ModuleRecord build() {
    return ModuleRecord.newBuilder()
        .setName(name)
        .setPath(path)
        .setRelpath(relpath)
        .setExports(exports)
        .setImports(imports)
        .setModinfo(modinfo)
        .setMessages(messages)
        .build();
  }
}
