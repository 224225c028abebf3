package dev.beamdepmod.check;

import dev.beamdepmod.archive.ModuleTreePath;
import dev.beamdepmod.discovery.ModuleFiles;
import dev.beamdepmod.module.ByteBufferSource;
import dev.beamdepmod.module.ElfFacts;
import dev.beamdepmod.module.GzipDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of a kernel build beside its modules that the checks need, by release, from paths in a
 * tree root or a package (a linux-image or linux-headers package): Module.symvers
 * ({@code usr/src/linux-headers-<release>/}, {@code <moduledir>/<release>/build/}, or Red Hat's
 * {@code boot/symvers-<release>.gz}), {@code boot/System.map-<release>}, and one module of the
 * kernel for its ELF facts.
 */
public final class KernelFiles {
  /** What was found for one release. */
  public static final class Found {
    public byte[] symvers;
    public byte[] systemMap;
    public ElfFacts elf;
  }

  private static final Pattern HEADERS = Pattern.compile("usr/src/linux-headers-([^/]+)/Module\\.symvers");
  private static final Pattern BUILD = Pattern.compile("(?:usr/)?lib/modules/([^/]+)/build/Module\\.symvers");
  private static final Pattern REDHAT = Pattern.compile("boot/symvers-(.+)\\.gz");
  private static final Pattern SYSTEM_MAP = Pattern.compile("boot/System\\.map-(.+)");

  private final Map<String, Found> byRelease = new TreeMap<>();

  /** Where a tree root holds the side files of a release. */
  public static List<String> paths(String release) {
    return List.of("usr/src/linux-headers-" + release + "/Module.symvers", "lib/modules/" + release + "/build/Module.symvers",
        "usr/lib/modules/" + release + "/build/Module.symvers", "boot/symvers-" + release + ".gz", "boot/System.map-" + release);
  }

  /** Whether {@link #offer} wants the content of this path (relative to a root, no leading '/'). */
  public boolean wants(String path) {
    if (HEADERS.matcher(path).matches() || BUILD.matcher(path).matches() || REDHAT.matcher(path).matches()
        || SYSTEM_MAP.matcher(path).matches()) return true;
    ModuleTreePath tree = ModuleTreePath.of(path);
    return tree != null && ModuleFiles.isModuleFile(path) && found(tree.version()).elf == null;
  }

  /**
   * Takes the content of a wanted path.
   *
   * @throws IOException naming the path when a symvers .gz does not decode or exceeds the content budget
   */
  public void offer(String path, InputStream content) throws IOException {
    Matcher m;
    if ((m = HEADERS.matcher(path)).matches() || (m = BUILD.matcher(path)).matches()) {
      found(m.group(1)).symvers = content.readAllBytes();
    } else if ((m = REDHAT.matcher(path)).matches()) {
      Found f = found(m.group(1));
      if (f.symvers == null) {
        try {
          f.symvers = GzipDecoder.gunzip(content.readAllBytes());
        } catch (IOException e) {
          throw new IOException(path + ": " + e.getMessage(), e);
        }
      }
    } else if ((m = SYSTEM_MAP.matcher(path)).matches()) {
      found(m.group(1)).systemMap = content.readAllBytes();
    } else {
      ModuleTreePath tree = ModuleTreePath.of(path);
      if (tree != null && found(tree.version()).elf == null) {
        found(tree.version()).elf = ElfFacts.read(ByteBufferSource.of(content.readAllBytes()));
      }
    }
  }

  /** What was found for the release; never null (fields null where nothing was found). */
  public Found found(String release) {
    return byRelease.computeIfAbsent(release, r -> new Found());
  }

  public Map<String, Found> all() {
    return byRelease;
  }
}
