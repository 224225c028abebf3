package dev.beamdepmod.transforms;

import dev.beamdepmod.config.DepmodConfig;
import dev.beamdepmod.resolve.DepmodSettings;
import java.io.Serializable;
import java.util.List;

/**
 * One kernel to resolve: where its inputs are, where its outputs go, and the depmod options.
 *
 * @param kernel key shared with the kernel's {@link dev.beamdepmod.schema.ModuleFile}s
 * @param dirname input directory string as depmod builds it (appears in messages)
 * @param inputDir FileSystems spec of the input directory (modules.order, modules.builtin, ...);
 *     null when those files come with the modules (kernels read from packages)
 * @param outputDir FileSystems spec of the output directory; unused with -n
 * @param outputDirName output directory string as depmod builds it (appears in messages)
 * @param config the kernel's depmod.d rules when same-name modules are still to be decided between
 *     (modules read from packages); null when discovery already kept one module per name
 * @param messages what was printed for this kernel before its modules were read (configuration,
 *     directory walk), kept in its report
 * @param snapshot whether to also write the kernel's comparison snapshot ({@code snapshot.avro},
 *     the input of {@code beam-depmod diff}) into its output directory
 * @param outputFailure depmod's message for an output directory found unusable before the pipeline
 *     (a local one is created by the launcher, as depmod creates it): the kernel then writes nothing
 *     and, if it has files to write, ends with this message and exit status 1; null when usable
 */
public record KernelSpec(
    String kernel,
    String dirname,
    String inputDir,
    String outputDir,
    String outputDirName,
    DepmodSettings settings,
    DepmodConfig config,
    List<String> messages,
    boolean snapshot,
    String outputFailure)
    implements Serializable {

  public KernelSpec {
    messages = List.copyOf(messages);
  }

  /** A kernel whose modules were already discovered one per name, with nothing printed yet. */
  public static KernelSpec discovered(
      String kernel, String dirname, String inputDir, String outputDir, String outputDirName,
      DepmodSettings settings) {
    return new KernelSpec(kernel, dirname, inputDir, outputDir, outputDirName, settings, null, List.of(), false, null);
  }

  public KernelSpec withOutputFailure(String failure) {
    return new KernelSpec(kernel, dirname, inputDir, outputDir, outputDirName, settings, config, messages, snapshot, failure);
  }
}
