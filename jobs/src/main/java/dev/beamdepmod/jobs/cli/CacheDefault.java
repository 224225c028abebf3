package dev.beamdepmod.jobs.cli;

import dev.beamdepmod.transforms.CacheOptions;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The module cache of matrix, diff and check when no --cache is given (docs/cache.md): a
 * subdirectory of the user's cache directory, beside what the project's scripts keep in
 * ~/.cache/beam-depmod (downloaded kernels, the oracle). depmod's command line has no default.
 */
public final class CacheDefault {
  private CacheDefault() {}

  /** $XDG_CACHE_HOME/beam-depmod/modules, else ~/.cache/beam-depmod/modules (a relative XDG_CACHE_HOME is ignored, as the XDG spec says). */
  static String location(Map<String, String> env, String home) {
    String xdg = env.get("XDG_CACHE_HOME");
    String base = xdg != null && xdg.startsWith("/") ? xdg : home + "/.cache";
    return base + "/beam-depmod/modules";
  }

  public static void apply(PipelineOptions options) {
    CacheOptions cache = options.as(CacheOptions.class);
    if (cache.getCache() == null) cache.setCache(location(System.getenv(), System.getProperty("user.home")));
  }
}
