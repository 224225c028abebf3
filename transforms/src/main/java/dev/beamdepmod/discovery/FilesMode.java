package dev.beamdepmod.discovery;

import dev.beamdepmod.config.DepmodFatal;
import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.module.Errno;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** depmod with module files on the command line: no configuration, no walk (docs/depmod-rules.md §5.8). */
public final class FilesMode {
  private FilesMode() {}

  /**
   * @param files the arguments after the version, in order; any existing path works, whatever its
   *     name
   */
  public static List<DiscoveredModule> modules(
      DirectorySource source, List<String> files, String dirname, Consumer<DepmodMessage> log)
      throws DepmodFatal {
    Map<String, DiscoveredModule> byName = new LinkedHashMap<>();
    for (String path : files) {
      if (!path.startsWith("/")) {
        throw new DepmodFatal(path + ": not absolute path.");
      }
      try {
        source.stat(path);
      } catch (IOException e) {
        throw new DepmodFatal("could not create module " + path + ": " + Errno.strerror(e));
      }
      DiscoveredModule module = DiscoveredModule.of(path, dirname);
      DiscoveredModule old = byName.get(module.name());
      if (old != null && old.path().equals(path)) {
        log.accept(DepmodMessage.error("hash_add_unique " + module.name() + ": File exists"));
        throw new DepmodFatal("could not add module " + path + ": File exists");
      }
      if (old != null) {
        log.accept(
            DepmodMessage.error(
                "kmod_module '" + module.name() + "' already exists with different path: new-path='"
                    + path + "' old-path='" + old.path() + "'"));
        throw new DepmodFatal("could not create module " + path + ": File exists");
      }
      byName.put(module.name(), module);
    }
    return new ArrayList<>(byName.values());
  }
}
