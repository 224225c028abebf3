package dev.beamdepmod.transforms;

import dev.beamdepmod.resolve.DepmodSettings;
import java.io.Serializable;

/**
 * One kernel to resolve: where its inputs are, where its outputs go, and the depmod options.
 *
 * @param kernel key shared with the kernel's {@link dev.beamdepmod.schema.ModuleFile}s
 * @param dirname input directory string as depmod builds it (appears in messages)
 * @param inputDir FileSystems spec of the input directory (modules.order, modules.builtin, ...)
 * @param outputDir FileSystems spec of the output directory; unused with -n
 * @param outputDirName output directory string as depmod builds it (appears in messages)
 */
public record KernelSpec(
    String kernel,
    String dirname,
    String inputDir,
    String outputDir,
    String outputDirName,
    DepmodSettings settings)
    implements Serializable {}
