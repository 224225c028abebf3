package dev.beamdepmod.resolve;

import java.io.Serializable;

/**
 * depmod options that change resolution and output.
 *
 * @param symbolPrefix the -P character, or 0 when not given
 * @param verbose number of -v
 * @param errSyms -e (already turned off by the caller when neither -E nor -F was given)
 * @param kernelSymbols symbols loaded from -E or -F, or null when neither was given
 * @param warnDuplicates -w
 * @param dryRun -n (what it changes is decided by {@link OutputTarget})
 */
public record DepmodSettings(
    char symbolPrefix,
    int verbose,
    boolean errSyms,
    KernelSymbols kernelSymbols,
    boolean warnDuplicates,
    boolean dryRun)
    implements Serializable {}
