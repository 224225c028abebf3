package dev.beamdepmod.transforms;

import dev.beamdepmod.module.NativeXz;
import java.util.List;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsRegistrar;

/**
 * Which liblzma decodes xz data (.ko.xz, data.tar.xz). A pipeline option, so that every worker of a
 * cluster loads the same library; the DoFns that decode bind it before their first bundle.
 */
public interface XzOptions extends PipelineOptions {
  @Description("Path of the liblzma (liblzma.so.5) that decodes xz data, e.g. a newer one than the host's; "
      + "default: the host's, or the pure-Java decoder where it has none. A library that does not load is an error.")
  String getLiblzma();

  void setLiblzma(String path);

  /** Binds the library these options name, in this JVM (a worker's, or the launcher's to check it). */
  static void bind(PipelineOptions options) {
    NativeXz.use(options.as(XzOptions.class).getLiblzma());
  }

  /**
   * Makes --liblzma known to the option parser and to the command line's split of Beam options
   * (listed in META-INF/services).
   */
  final class Registrar implements PipelineOptionsRegistrar {
    @Override
    public Iterable<Class<? extends PipelineOptions>> getPipelineOptions() {
      return List.of(XzOptions.class);
    }
  }
}
