package dev.beamdepmod.resolve;

import dev.beamdepmod.schema.ModuleRecord;
import java.util.Collection;

/** depmod's work for one kernel after the modules were read: order, symbols, dependencies, outputs. */
public final class Resolver {
  private Resolver() {}

  /** @param modules the kernel's modules (unique names), in any order */
  public static DepmodResult resolve(
      Collection<ModuleRecord> modules, KernelInputs inputs, DepmodSettings settings) {
    throw new UnsupportedOperationException("TODO");
  }
}
