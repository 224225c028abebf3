package dev.beamdepmod.transforms;

import dev.beamdepmod.resolve.DepmodResult;
import java.io.Serializable;

/** A kernel and what resolving it produced, before anything is written. */
public record KernelResolution(KernelSpec spec, DepmodResult result) implements Serializable {}
