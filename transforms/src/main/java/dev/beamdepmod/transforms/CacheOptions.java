package dev.beamdepmod.transforms;

import dev.beamdepmod.cache.ModuleCache;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsRegistrar;

/**
 * Where the module cache is (docs/cache.md). A pipeline option, so that every worker of a cluster
 * uses the same location (a shared bucket serves them all); the DoFns that read modules bind it
 * before their first bundle. The jobs give matrix, diff and check a default; depmod's command line
 * uses a cache only when asked.
 */
public interface CacheOptions extends PipelineOptions {
  /** The value that turns the cache off. */
  String NONE = "none";

  @Description("Module cache directory, any Beam FileSystems location (docs/cache.md); 'none': no cache. "
      + "Default: none for depmod's command line, $XDG_CACHE_HOME/beam-depmod/modules (else "
      + "~/.cache/beam-depmod/modules) for matrix, diff and check.")
  String getCache();

  void setCache(String location);

  /** One cache per location and JVM: the bundles of a run share what they learn (a location that cannot be written to). */
  Map<String, ModuleCache> CACHES = new ConcurrentHashMap<>();

  /** @return the cache location these options name, or null for none */
  static String location(PipelineOptions options) {
    String location = options.as(CacheOptions.class).getCache();
    return location == null || location.isEmpty() || location.equals(NONE) ? null : location;
  }

  /** @return the cache these options name, or null for none */
  static ModuleCache bind(PipelineOptions options) {
    String location = location(options);
    return location == null ? null : CACHES.computeIfAbsent(location, l -> new ModuleCache(new FileSystemsCacheStore(l)));
  }

  /** Makes --cache known to the option parser and to the command line's split of Beam options. */
  final class Registrar implements PipelineOptionsRegistrar {
    @Override
    public Iterable<Class<? extends PipelineOptions>> getPipelineOptions() {
      return List.of(CacheOptions.class);
    }
  }
}
