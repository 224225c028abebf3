package dev.beamdepmod.transforms;

import dev.beamdepmod.config.ConfigFile;
import dev.beamdepmod.config.DepmodConfig;
import dev.beamdepmod.diagnostics.Console;
import dev.beamdepmod.resolve.DepmodSettings;
import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;

/**
 * What every kernel of a matrix shares: the options, the depmod.d files (applied per kernel
 * version, since override and external lines match versions) and the output root, below which
 * each kernel gets {@code <version>/} with depmod's files and its comparison snapshot.
 */
public record KernelTemplate(String outputRoot, DepmodSettings settings, List<ConfigFile> configFiles)
    implements Serializable {

  public KernelTemplate {
    configFiles = List.copyOf(configFiles);
  }

  public DepmodConfig config(String version) {
    return DepmodConfig.parse(version, configFiles);
  }

  public String outputDir(String version) {
    return FileSystems.matchNewResource(outputRoot, true)
        .resolve(version, StandardResolveOptions.RESOLVE_DIRECTORY)
        .toString();
  }

  /** A kernel's console from its start: what parsing its configuration printed. */
  public Console console(DepmodConfig config) {
    Console console = new Console(settings.verbose());
    config.messages().forEach(console);
    return console;
  }

  /**
   * A kernel whose modules are already one per name (a directory walked with its configuration).
   *
   * @param console its {@link #console}, continued by the walk
   */
  public KernelSpec walked(String version, String dirname, String inputDir, Console console) {
    String out = outputDir(version);
    return new KernelSpec(version, dirname, inputDir, out, out, settings, null, console, true, null);
  }

  /** A kernel read from packages: same-name modules are decided after reading, side files come along. */
  public KernelSpec packaged(String version, String dirname) {
    DepmodConfig config = config(version);
    String out = outputDir(version);
    return new KernelSpec(version, dirname, null, out, out, settings, config, console(config), true, null);
  }
}
