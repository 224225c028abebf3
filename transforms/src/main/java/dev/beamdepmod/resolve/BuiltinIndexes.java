package dev.beamdepmod.resolve;

import static dev.beamdepmod.config.DepmodMessage.error;
import static dev.beamdepmod.config.DepmodMessage.warning;

import dev.beamdepmod.diagnostics.Console;
import dev.beamdepmod.index.Index;
import dev.beamdepmod.module.ModuleName;

/**
 * modules.builtin.bin and modules.builtin.alias.bin, made from the kernel's modules.builtin and
 * modules.builtin.modinfo. A missing source file still gives its output file, with no bytes.
 */
final class BuiltinIndexes {
  private BuiltinIndexes() {}

  /** Every modules.builtin line starting with a letter gives its module name as key. */
  static byte[] builtin(KernelInputs inputs, Console console) {
    FileContent file = inputs.builtin();
    if (!file.present()) {
      console.accept(file.couldNotOpen(inputs.dirname(), "modules.builtin"));
      return new byte[0];
    }
    Index index = new Index();
    // a line ending in '/' leaves depmod's name buffer as the previous line left it
    String name = "";
    for (String piece : CText.fgets(file.bytes(), CText.PATH_MAX)) {
      String line = CText.cString(piece);
      if (line.isEmpty() || !CText.isAsciiLetter(line.charAt(0))) {
        console.accept(error("Invalid modules.builtin line: " + line));
        continue;
      }
      String base = line.substring(line.lastIndexOf('/') + 1);
      if (!base.isEmpty()) {
        name = ModuleName.of(base);
      }
      index.insert(name, "", 0);
    }
    return index.toBytes();
  }

  /** Every alias record of modules.builtin.modinfo, read with depmod's record state machine. */
  static byte[] builtinAliases(KernelInputs inputs, Console console) {
    FileContent file = inputs.builtinModinfo();
    if (!file.present()) {
      console.accept(file.couldNotOpen(inputs.dirname(), "modules.builtin.modinfo"));
      return new byte[0];
    }
    Index index = new Index();
    ModinfoStream in = new ModinfoStream(file.bytes(), console);
    while (!in.atEof()) {
      String module = in.field('.');
      if (module.isEmpty()) {
        continue;
      }
      if (!in.field('=').equals("alias")) {
        in.skipRecord();
        continue;
      }
      String value = in.field('\0');
      if (value.isEmpty()) {
        continue;
      }
      String alias = AliasNormalizer.normalize(value);
      if (alias == null) {
        console.accept(warning("Unmatched bracket in " + value));
        continue;
      }
      index.insert(alias, module, 0);
    }
    return index.toBytes();
  }
}
