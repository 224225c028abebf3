package dev.beamdepmod.jobs.cli;

import static org.junit.Assert.assertEquals;

import dev.beamdepmod.transforms.CacheOptions;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Test;

/** Where matrix, diff and check keep their module cache unless told. */
public class CacheDefaultTest {
  @Test
  public void belowXdgCacheHomeElseHomeDotCache() {
    assertEquals("/x/cache/beam-depmod/modules", CacheDefault.location(Map.of("XDG_CACHE_HOME", "/x/cache"), "/home/u"));
    assertEquals("/home/u/.cache/beam-depmod/modules", CacheDefault.location(Map.of(), "/home/u"));
    assertEquals("/home/u/.cache/beam-depmod/modules", CacheDefault.location(Map.of("XDG_CACHE_HOME", "rel"), "/home/u"));
  }

  @Test
  public void aGivenCacheOrNoneIsKept() {
    PipelineOptions options = PipelineOptionsFactory.fromArgs("--cache=none").create();
    CacheDefault.apply(options);
    assertEquals("none", options.as(CacheOptions.class).getCache());
    PipelineOptions unset = PipelineOptionsFactory.create();
    CacheDefault.apply(unset);
    assertEquals(CacheDefault.location(System.getenv(), System.getProperty("user.home")),
        unset.as(CacheOptions.class).getCache());
  }
}
