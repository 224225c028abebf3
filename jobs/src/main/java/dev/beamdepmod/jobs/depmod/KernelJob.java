package dev.beamdepmod.jobs.depmod;

import dev.beamdepmod.resolve.DepmodResult;

/**
 * depmod's work after discovery: read the modules, resolve, and write the outputs (atomically, or to
 * the result's stdout with -n). Messages in the result must already respect settings().verbose().
 */
public interface KernelJob {
  DepmodResult run(KernelPlan plan);
}
