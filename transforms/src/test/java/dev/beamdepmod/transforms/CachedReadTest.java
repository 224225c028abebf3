package dev.beamdepmod.transforms;

import static dev.beamdepmod.transforms.FixtureTrees.MODULES;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.beamdepmod.cache.ModuleCache;
import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.schema.ModuleFile;
import dev.beamdepmod.schema.ModuleRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** ReadModules through a cache in a local directory (Beam FileSystems): the records of an uncached read. */
public class CachedReadTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  /** Every committed fixture module, as files of kernel 1.0. */
  private static List<ModuleFile> fixtures() throws IOException {
    try (Stream<Path> s = Files.list(MODULES)) {
      return s.filter(p -> p.getFileName().toString().matches(".*\\.ko(\\.xz|\\.zst|\\.gz)?")).sorted()
          .map(p -> new ModuleFile("1.0", p.toString(), "/lib/modules/1.0/kernel/" + p.getFileName(),
              "kernel/" + p.getFileName()))
          .toList();
    }
  }

  private static ModuleCache cacheAt(String location) {
    return new ModuleCache(new FileSystemsCacheStore(location));
  }

  private static List<String> entriesBelow(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  public void coldThenWarmGiveTheUncachedRecords() throws IOException {
    String dir = temp.getRoot().toPath().resolve("cache").toString();
    List<ModuleFile> files = fixtures();
    assertTrue(files.size() > 20);
    for (int run = 0; run < 2; run++) {
      ModuleCache cache = cacheAt(dir);
      int hits = 0;
      for (ModuleFile f : files) {
        ModuleCache.Lookup got = ReadModules.read(f, cache);
        assertEquals(f.getPath(), ReadModules.read(f), got.record());
        hits += got.hit() ? 1 : 0;
      }
      long withMessages = files.stream().filter(f -> !ReadModules.read(f).getMessages().isEmpty()).count();
      assertEquals(run == 0 ? 0 : files.size() - withMessages, hits);
    }
    assertTrue(entriesBelow(Path.of(dir)).stream().allMatch(e -> e.matches("modules-v\\d+/[0-9a-f]{2}/[0-9a-f]{64}")));
  }

  @Test
  public void theBindingOfThePipelineOption() {
    CacheOptions options = PipelineOptionsFactory.as(CacheOptions.class);
    assertEquals(null, CacheOptions.bind(options));
    options.setCache(CacheOptions.NONE);
    assertEquals(null, CacheOptions.bind(options));
    options.setCache(temp.getRoot().toString());
    assertTrue(CacheOptions.bind(options) == CacheOptions.bind(options));
  }

  @Test
  public void twoRunsAtOnceOnOneCacheSeeOnlyWholeEntries() throws Exception {
    String dir = temp.getRoot().toPath().resolve("shared").toString();
    List<ModuleFile> files = fixtures();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<ModuleRecord>>> runs = new ArrayList<>();
      for (int run = 0; run < 4; run++) {
        ModuleCache cache = cacheAt(dir);
        runs.add(pool.submit((Callable<List<ModuleRecord>>) () -> {
          List<ModuleRecord> got = new ArrayList<>();
          for (int i = 0; i < 3; i++) for (ModuleFile f : files) got.add(ReadModules.read(f, cache).record());
          return got;
        }));
      }
      for (Future<List<ModuleRecord>> run : runs) {
        List<ModuleRecord> got = run.get();
        for (int i = 0; i < got.size(); i++) assertEquals(ReadModules.read(files.get(i % files.size())), got.get(i));
      }
    } finally {
      pool.shutdown();
    }
    assertFalse(entriesBelow(Path.of(dir)).stream().anyMatch(e -> e.endsWith(".tmp")));
  }

  @Test
  public void aLocationThatCannotBeWrittenToWarnsOnceAndChangesNoRecord() throws IOException {
    Path file = temp.newFile("a-file").toPath();
    ModuleCache cache = cacheAt(file.resolve("cache").toString());
    List<String> warnings = new ArrayList<>();
    for (ModuleFile f : fixtures()) {
      ModuleRecord got = ReadModules.read(f, cache).record();
      ModuleRecord uncached = ReadModules.read(f);
      List<String> extra = got.getMessages().stream().skip(uncached.getMessages().size())
          .map(d -> DepmodMessage.of(d).line()).toList();
      warnings.addAll(extra);
      assertEquals(uncached.getMessages(), got.getMessages().subList(0, uncached.getMessages().size()));
      assertEquals(uncached.getExports(), got.getExports());
      assertEquals(uncached.getImports(), got.getImports());
      assertEquals(uncached.getModinfo(), got.getModinfo());
    }
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0), warnings.get(0).startsWith("beam-depmod: WARNING: cannot write to the module cache "
        + file.resolve("cache") + " ("));
    assertTrue(warnings.get(0), warnings.get(0).endsWith("): modules are no longer stored in it"));
  }
}
