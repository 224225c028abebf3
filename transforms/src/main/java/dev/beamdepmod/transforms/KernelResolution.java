package dev.beamdepmod.transforms;

import dev.beamdepmod.resolve.DepmodResult;

/**
 * A kernel and what resolving it produced, before anything is written. It crosses the pipeline as an
 * Avro {@code KernelResolutionRecord} ({@link KernelRecords#resolutionCoder()}).
 *
 * @param snapshot the Avro-encoded comparison snapshot when the spec asks for one, else null
 */
public record KernelResolution(KernelSpec spec, DepmodResult result, byte[] snapshot) {}
