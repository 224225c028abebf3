package dev.beamdepmod.diff;

import dev.beamdepmod.module.ModuleName;
import dev.beamdepmod.resolve.FileContent;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A kernel's built-in modules: every modules.builtin line (a path such as kernel/fs/ext4/ext4.ko),
 * with the modinfo that modules.builtin.modinfo ("name.key=value" NUL-terminated records) gives
 * for its name. Names that only modules.builtin.modinfo knows count when they declare aliases
 * (modprobe resolves those, e.g. fs-debugfs); the others are plain built-in code with parameters,
 * not modules. Malformed lines and records are skipped: this is a report, not depmod's index.
 */
final class BuiltinModules {
  /** Name -> path (empty when only modules.builtin.modinfo knows it), in file order. */
  private final Map<String, String> paths = new LinkedHashMap<>();
  private final Map<String, ModinfoFacts> facts = new LinkedHashMap<>();

  BuiltinModules(FileContent builtin, FileContent builtinModinfo) {
    for (String line : text(builtin).split("\n")) {
      if (!line.isEmpty()) {
        paths.putIfAbsent(ModuleName.of(line), line);
      }
    }
    for (String record : text(builtinModinfo).split("\0")) {
      int dot = record.indexOf('.');
      int equals = record.indexOf('=', dot + 1);
      if (dot > 0 && equals > dot) {
        facts.computeIfAbsent(record.substring(0, dot), name -> new ModinfoFacts())
            .add(record.substring(dot + 1, equals), record.substring(equals + 1));
      }
    }
    facts.forEach((name, info) -> {
      if (info.hasAliases()) {
        paths.putIfAbsent(name, "");
      }
    });
  }

  /** Built-in module name -> path, in file order. */
  Map<String, String> paths() {
    return paths;
  }

  ModinfoFacts facts(String name) {
    return facts.getOrDefault(name, new ModinfoFacts());
  }

  private static String text(FileContent file) {
    return file == null || !file.present() ? "" : new String(file.bytes(), StandardCharsets.ISO_8859_1);
  }
}
