package dev.beamdepmod.resolve;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Everything depmod would produce for one kernel.
 *
 * @param stderr complete stderr lines in order (e.g. "depmod: WARNING: ..."), without trailing newline;
 *     a message that spans lines is one element containing '\n'
 * @param stdout bytes for stdout (-v lines, then -n content)
 * @param exitCode 0 or 1
 * @param files output files in depmod's write order (name -> bytes); empty when nothing may be written
 *     (cycles, fatal errors, -n)
 */
public record DepmodResult(
    List<String> stderr, byte[] stdout, int exitCode, LinkedHashMap<String, byte[]> files, Stats stats)
    implements Serializable {
  public record Stats(int modules, int exports, int unresolved, int cycleModules, int unreadableModules)
      implements Serializable {}
}
