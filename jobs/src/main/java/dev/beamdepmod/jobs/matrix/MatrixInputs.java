package dev.beamdepmod.jobs.matrix;

import dev.beamdepmod.config.DepmodConfig;
import dev.beamdepmod.config.DepmodFatal;
import dev.beamdepmod.diagnostics.Console;
import dev.beamdepmod.discovery.DiscoveredModule;
import dev.beamdepmod.discovery.TreeWalker;
import dev.beamdepmod.jobs.local.LocalDirectory;
import dev.beamdepmod.jobs.local.LocalFs;
import dev.beamdepmod.schema.ModuleFile;
import dev.beamdepmod.transforms.KernelSpec;
import dev.beamdepmod.transforms.KernelTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * Sorts the matrix job's inputs into module trees, walked here exactly as depmod walks a
 * directory, and package files (any FileSystems location or glob), streamed in the pipeline.
 */
public final class MatrixInputs {
  private static final String[] MODULE_DIRS = {"lib/modules", "usr/lib/modules"};
  private static final String[] PACKAGE_SUFFIXES = {
    ".deb", ".rpm", ".tar", ".tar.gz", ".tgz", ".tar.xz", ".txz", ".tar.zst", ".tzst", ".tar.bz2", ".tbz2"
  };
  /** Files only a kernel's module directory has: with one of them, a directory without modules is still a kernel. */
  private static final String[] KERNEL_LISTS = {"modules.order", "modules.builtin"};

  final List<KernelSpec> kernels = new ArrayList<>();
  final List<ModuleFile> files = new ArrayList<>();
  final List<String> packages = new ArrayList<>();
  final List<String> errors = new ArrayList<>();
  int walkedModules;

  private final KernelTemplate template;
  private final LocalDirectory disk;
  private final String cwd;
  private final Map<String, String> versionSources = new LinkedHashMap<>();

  MatrixInputs(KernelTemplate template, String cwd) {
    this.template = template;
    this.cwd = cwd;
    this.disk = new LocalDirectory(new LocalFs(cwd));
  }

  void add(String input) throws IOException {
    Path local = Paths.get(input);
    if (Files.isDirectory(local)) {
      addTree(local.toAbsolutePath().normalize());
      return;
    }
    MatchResult match = FileSystems.match(input, EmptyMatchTreatment.ALLOW);
    if (match.status() != MatchResult.Status.OK || match.metadata().isEmpty()) {
      errors.add("beam-depmod: ERROR: " + input + ": no such directory, package or matching file");
      return;
    }
    for (MatchResult.Metadata m : match.metadata()) packages.add(m.resourceId().toString());
  }

  /**
   * A root holding lib/modules/VERSION or usr/lib/modules/VERSION; else a directory of packages (its
   * own files with a package's name, as in a mirror's pool or a CI artifact folder); else a VERSION
   * directory itself, which must hold modules or the kernel's module lists to count as a kernel.
   */
  private void addTree(Path dir) throws IOException {
    boolean found = false;
    for (String moddir : MODULE_DIRS) {
      Path modules = dir.resolve(moddir);
      if (!Files.isDirectory(modules)) continue;
      try (Stream<Path> versions = Files.list(modules)) {
        for (Path v : versions.filter(Files::isDirectory).sorted().toList()) {
          addKernel(v.getFileName().toString(), v.toString(), false);
          found = true;
        }
      }
    }
    if (found) return;
    List<String> held;
    try (Stream<Path> entries = Files.list(dir)) {
      held = entries.filter(f -> Files.isRegularFile(f) && isPackageName(f.getFileName().toString()))
          .map(Path::toString).sorted().toList();
    }
    if (!held.isEmpty()) {
      packages.addAll(held);
      return;
    }
    addKernel(dir.getFileName().toString(), dir.toString(), true);
  }

  /** The names the README promises for packages; inside, the format is recognised from the content. */
  public static boolean isPackageName(String name) {
    for (String suffix : PACKAGE_SUFFIXES) {
      if (name.endsWith(suffix)) return true;
    }
    return false;
  }

  /** @param mustHoldKernel the directory was not found as a kernel by its place below a root */
  private void addKernel(String version, String dirname, boolean mustHoldKernel) {
    String earlier = versionSources.putIfAbsent(version, dirname);
    if (earlier != null) {
      errors.add("beam-depmod: ERROR: kernel " + version + " found twice, in " + earlier + " and " + dirname
          + "; only the first is used");
      return;
    }
    DepmodConfig config = template.config(version);
    Console console = template.console(config);
    List<DiscoveredModule> modules;
    try {
      modules = TreeWalker.walk(disk, cwd, config, dirname, console);
    } catch (DepmodFatal e) {
      console.accept(e.message());
      errors.add("beam-depmod: ERROR: kernel " + version + " not written: " + String.join("; ", console.lines()));
      return;
    }
    if (mustHoldKernel && modules.isEmpty()
        && Stream.of(KERNEL_LISTS).noneMatch(f -> Files.exists(Paths.get(dirname, f)))) {
      versionSources.remove(version);
      errors.add("beam-depmod: ERROR: " + dirname + ": holds no kernel module tree (lib/modules/<version>,"
          + " usr/lib/modules/<version>, or a <version> directory with modules) and no packages");
      return;
    }
    files.addAll(disk.moduleFiles(version, modules));
    walkedModules += modules.size();
    kernels.add(template.walked(version, dirname, dirname, console));
  }
}
