package dev.beamdepmod.transforms;

import dev.beamdepmod.resolve.DepmodResult;
import java.io.Serializable;

/**
 * A kernel and what resolving it produced, before anything is written.
 *
 * @param snapshot the Avro-encoded comparison snapshot when the spec asks for one, else null
 */
public record KernelResolution(KernelSpec spec, DepmodResult result, byte[] snapshot) implements Serializable {}
