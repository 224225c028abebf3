package dev.beamdepmod.jobs.depmod;

import dev.beamdepmod.discovery.DiscoveredModule;
import dev.beamdepmod.resolve.DepmodSettings;
import java.io.Serializable;
import java.util.List;

/**
 * Everything the kernel job needs once depmod has found its modules. All strings are depmod byte
 * strings (ISO-8859-1 chars); open them with {@code new LocalFs(cwd).path(...)} ({@link dev.beamdepmod.jobs.local.LocalFs}).
 *
 * @param version the kernel version string
 * @param dirname the input directory string (docs/depmod-rules.md §2.4)
 * @param outdirname the output directory string (not used with -n)
 * @param cwd the directory relative paths (module paths from relative external directories) are
 *     taken from
 * @param modules the modules to read, one per name, in discovery order (the job orders them)
 * @param settings the options that change resolution and output
 */
public record KernelPlan(
    String version,
    String dirname,
    String outdirname,
    String cwd,
    List<DiscoveredModule> modules,
    DepmodSettings settings)
    implements Serializable {

  public KernelPlan {
    modules = List.copyOf(modules);
  }

  static KernelPlan of(
      Directories dirs, String cwd, List<DiscoveredModule> modules, DepmodSettings settings) {
    return new KernelPlan(dirs.version(), dirs.dirname(), dirs.outdirname(), cwd, modules, settings);
  }
}
