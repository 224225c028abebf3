package dev.beamdepmod.jobs.matrix;

import dev.beamdepmod.config.DepmodConfig;
import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.config.DiscoveredModule;
import dev.beamdepmod.jobs.depmod.DepmodFatal;
import dev.beamdepmod.jobs.depmod.LocalFs;
import dev.beamdepmod.jobs.depmod.TreeWalker;
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
final class MatrixInputs {
  private static final String[] MODULE_DIRS = {"lib/modules", "usr/lib/modules"};

  final List<KernelSpec> kernels = new ArrayList<>();
  final List<ModuleFile> files = new ArrayList<>();
  final List<String> packages = new ArrayList<>();
  final List<String> errors = new ArrayList<>();
  int walkedModules;

  private final KernelTemplate template;
  private final LocalFs fs;
  private final String cwd;
  private final Map<String, String> versionSources = new LinkedHashMap<>();

  MatrixInputs(KernelTemplate template, String cwd) {
    this.template = template;
    this.cwd = cwd;
    this.fs = new LocalFs(cwd);
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

  /** A root holding lib/modules/VERSION or usr/lib/modules/VERSION, or a VERSION directory itself. */
  private void addTree(Path dir) throws IOException {
    boolean found = false;
    for (String moddir : MODULE_DIRS) {
      Path modules = dir.resolve(moddir);
      if (!Files.isDirectory(modules)) continue;
      try (Stream<Path> versions = Files.list(modules)) {
        for (Path v : versions.filter(Files::isDirectory).sorted().toList()) {
          addKernel(v.getFileName().toString(), v.toString());
          found = true;
        }
      }
    }
    if (!found) addKernel(dir.getFileName().toString(), dir.toString());
  }

  private void addKernel(String version, String dirname) {
    String earlier = versionSources.putIfAbsent(version, dirname);
    if (earlier != null) {
      errors.add("beam-depmod: ERROR: kernel " + version + " found twice, in " + earlier + " and " + dirname
          + "; only the first is used");
      return;
    }
    DepmodConfig config = template.config(version);
    List<String> messages = new ArrayList<>();
    int verbose = template.settings().verbose();
    List<DiscoveredModule> modules;
    try {
      modules = TreeWalker.walk(fs, cwd, config, dirname, m -> keep(m, verbose, messages));
    } catch (DepmodFatal e) {
      keep(e.message(), verbose, messages);
      errors.add("beam-depmod: ERROR: kernel " + version + " not written: " + String.join("; ", messages));
      return;
    }
    for (DiscoveredModule m : modules) {
      files.add(new ModuleFile(version, fs.path(m.path()).toAbsolutePath().toString(), m.path(), m.relpath()));
    }
    walkedModules += modules.size();
    kernels.add(template.walked(version, dirname, dirname, config, messages));
  }

  private static void keep(DepmodMessage m, int verbose, List<String> messages) {
    if (m.shownAt(verbose)) messages.add(m.line());
  }
}
