package dev.beamdepmod.resolve;

/**
 * depmod's result for one kernel with the resolved module graph behind it.
 *
 * @param graph null when depmod stopped before resolving (too many modules)
 */
public record Resolution(DepmodResult result, KernelGraph graph) {}
