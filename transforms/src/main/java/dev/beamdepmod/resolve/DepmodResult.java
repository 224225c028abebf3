package dev.beamdepmod.resolve;

import dev.beamdepmod.diagnostics.Console;
import java.io.Serializable;
import java.util.LinkedHashMap;

/**
 * Everything depmod would produce for one kernel.
 *
 * @param console what it prints (the kernel's console, continued) and its exit status
 * @param files output files in depmod's write order (name -> bytes); empty when nothing may be written
 *     (cycles, fatal errors, -n)
 */
public record DepmodResult(Console console, LinkedHashMap<String, byte[]> files, Stats stats)
    implements Serializable {

  public DepmodResult {
    console = console.copy();
  }

  /** A copy to go on with: the result stays as it is. */
  @Override
  public Console console() {
    return console.copy();
  }

  public record Stats(int modules, int exports, int unresolved, int cycleModules, int unreadableModules)
      implements Serializable {}
}
