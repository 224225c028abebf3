package dev.beamdepmod.discovery;

import dev.beamdepmod.module.ModuleName;
import java.io.Serializable;

/**
 * A module file depmod will read.
 *
 * @param path the path as depmod builds and prints it (walk path or command-line argument)
 * @param relpath path relative to the input directory, or null when the module is not below it
 * @param name the module name derived from the file name
 */
public record DiscoveredModule(String path, String relpath, String name) implements Serializable {

  public static DiscoveredModule of(String path, String dirname) {
    return new DiscoveredModule(
        path, ModuleFiles.relpath(path, dirname), ModuleName.of(path));
  }
}
