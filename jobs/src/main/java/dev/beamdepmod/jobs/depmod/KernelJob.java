package dev.beamdepmod.jobs.depmod;

import dev.beamdepmod.diagnostics.Console;

/**
 * depmod's work after discovery: read the modules, resolve, and write the outputs (atomically, or to
 * stdout with -n).
 */
public interface KernelJob {
  /**
   * @param console what was printed so far, with the verbosity of plan.settings()
   * @return that console continued with the kernel's messages, stdout and exit status
   */
  Console run(KernelPlan plan, Console console);
}
