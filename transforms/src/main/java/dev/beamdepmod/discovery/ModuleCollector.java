package dev.beamdepmod.discovery;

import dev.beamdepmod.config.DepmodConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the regular files of an "all"-mode walk in walk order and keeps, for every module name,
 * the file depmod keeps.
 */
public final class ModuleCollector {
  private final String dirname;
  private final ModulePriority priority;
  private final Map<String, DiscoveredModule> byName = new LinkedHashMap<>();

  public ModuleCollector(DepmodConfig config, String dirname) {
    this.dirname = dirname;
    this.priority = new ModulePriority(config, dirname);
  }

  /** Offers a regular file found by the walk; files without a module extension are ignored. */
  public void offer(String path) {
    if (!ModuleFiles.isModuleFile(path)) {
      return;
    }
    DiscoveredModule candidate = DiscoveredModule.of(path, dirname);
    DiscoveredModule old = byName.get(candidate.name());
    if (old == null || priority.replaces(old, candidate)) {
      byName.put(candidate.name(), candidate);
    }
  }

  /** The kept modules, one per name, in the order their names were first found. */
  public List<DiscoveredModule> modules() {
    return new ArrayList<>(byName.values());
  }
}
