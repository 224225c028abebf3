package dev.beamdepmod.transforms;

import dev.beamdepmod.config.DepmodConfig;
import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.diagnostics.Console;
import dev.beamdepmod.resolve.DepmodSettings;
import dev.beamdepmod.resolve.OutputTarget;

/**
 * One kernel to resolve: where its inputs are, where its outputs go, and the depmod options. It
 * crosses the pipeline as an Avro {@code KernelSpecRecord} ({@link KernelRecords#specCoder()}).
 *
 * @param kernel key shared with the kernel's {@link dev.beamdepmod.schema.ModuleFile}s
 * @param dirname input directory string as depmod builds it (appears in messages)
 * @param inputDir FileSystems spec of the input directory (modules.order, modules.builtin, ...);
 *     null when those files come with the modules (kernels read from packages)
 * @param outputDir FileSystems spec of the output directory; unused with -n
 * @param outputDirName output directory string as depmod builds it (appears in messages)
 * @param config the kernel's depmod.d rules when same-name modules are still to be decided between
 *     (modules read from packages); null when discovery already kept one module per name
 * @param console the kernel's console: what was printed for it before its modules were read
 *     (options, configuration, directory walk, the output directory's preparation)
 * @param snapshot whether to also write the kernel's comparison snapshot ({@code snapshot.avro},
 *     the input of {@code beam-depmod diff}) into its output directory
 * @param outputFailure depmod's message for an output directory found unusable before the pipeline
 *     (see {@link OutputTarget}); null when usable
 */
public record KernelSpec(
    String kernel,
    String dirname,
    String inputDir,
    String outputDir,
    String outputDirName,
    DepmodSettings settings,
    DepmodConfig config,
    Console console,
    boolean snapshot,
    DepmodMessage outputFailure) {

  public KernelSpec {
    console = console.copy();
  }

  /** A kernel whose modules were already discovered one per name. */
  public static KernelSpec discovered(
      String kernel, String dirname, String inputDir, String outputDir, String outputDirName,
      DepmodSettings settings, Console console) {
    return new KernelSpec(kernel, dirname, inputDir, outputDir, outputDirName, settings, null, console, false, null);
  }

  public KernelSpec withOutputFailure(DepmodMessage failure) {
    return new KernelSpec(kernel, dirname, inputDir, outputDir, outputDirName, settings, config, console, snapshot, failure);
  }

  /** A copy to go on with: the spec stays as it is. */
  @Override
  public Console console() {
    return console.copy();
  }

  public OutputTarget target() {
    return OutputTarget.of(settings, outputFailure);
  }
}
