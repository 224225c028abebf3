package dev.beamdepmod.transforms;

import static dev.beamdepmod.transforms.FixtureTrees.MODULES;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.schema.ModuleFile;
import dev.beamdepmod.schema.ModuleRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Rule;
import org.junit.Test;

/** ReadModules on the committed fixture modules: one record per file, with what depmod reads from it. */
public class ReadModulesTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  private PCollection<ModuleRecord> read(List<ModuleFile> files) {
    return p.apply(ReadModules.of(files)).apply(ReadModules.unbatched());
  }

  private static String fixture(String name) {
    return MODULES.resolve(name).toString();
  }

  private static Map<String, ModuleRecord> byPath(Iterable<ModuleRecord> records) {
    Map<String, ModuleRecord> map = new HashMap<>();
    for (ModuleRecord r : records) map.put(r.getPath(), r);
    return map;
  }

  /** "name=crc" (hex) of the exports. */
  private static List<String> exports(ModuleRecord r) {
    return r.getExports().stream().map(s -> s.getName() + "=" + Long.toHexString(s.getCrc())).collect(Collectors.toList());
  }

  /** "name=crc" (hex), "weak " before weak ones. */
  private static List<String> imports(ModuleRecord r) {
    return r.getImports().stream()
        .map(s -> (s.getWeak() ? "weak " : "") + s.getName() + "=" + Long.toHexString(s.getCrc()))
        .collect(Collectors.toList());
  }

  private static List<String> modinfo(ModuleRecord r, String key) {
    return r.getModinfo().stream().filter(e -> e.getKey().equals(key)).map(e -> e.getValue()).collect(Collectors.toList());
  }

  @Test
  public void fixtureModulesBecomeRecordsWithTheirPathKernelAndRelpath() {
    String core = "/lib/modules/1.0/kernel/fx/core/fx_core.ko";
    String user = "/ext/fx-user.ko";
    String weak = "/lib/modules/1.0/kernel/fx/fx_weak.ko";
    PCollection<ModuleRecord> records = read(List.of(
        new ModuleFile("k", fixture("fx_core.ko"), core, "kernel/fx/core/fx_core.ko"),
        new ModuleFile("k", fixture("fx-user.ko"), user, null),
        new ModuleFile("k2", fixture("fx_weak.ko"), weak, "kernel/fx/fx_weak.ko")));
    PAssert.that(records).satisfies(all -> {
      Map<String, ModuleRecord> r = byPath(all);
      assertEquals(Set.of(core, user, weak), r.keySet());

      ModuleRecord c = r.get(core);
      assertEquals("fx_core", c.getName());
      assertEquals("k", c.getKernel());
      assertEquals("kernel/fx/core/fx_core.ko", c.getRelpath());
      assertThat(exports(c), contains("fx_weak_target=dba35acf", "fx_core_fn=94e88d9", "fx_core_gpl_fn=62749fb2",
          "fx_core_ns_fn=61167c4"));
      assertThat(imports(c), contains("__fentry__=bdfb6dbb", "_printk=92997ed8", "__x86_return_thunk=5b8239ca",
          "param_ops_int=7d675181", "module_layout=bce1a965"));
      assertThat(modinfo(c, "alias"), contains("fx-core-alias"));
      assertThat(modinfo(c, "firmware"), contains("fx/core.fw"));
      assertThat(c.getMessages(), empty());

      ModuleRecord u = r.get(user);
      assertEquals("fx_user", u.getName());
      assertNull(u.getRelpath());
      assertThat(exports(u), contains("fx_user_fn=7764df26"));
      assertThat(imports(u), hasItem("fx_core_ns_fn=61167c4"));
      assertThat(modinfo(u, "import_ns"), contains("FX_NS"));

      ModuleRecord w = r.get(weak);
      assertEquals("k2", w.getKernel());
      assertThat(exports(w), empty());
      assertThat(imports(w), contains("weak fx_weak_target=dba35acf", "__fentry__=bdfb6dbb", "_printk=92997ed8",
          "weak fx_weak_missing=0", "__x86_return_thunk=5b8239ca", "module_layout=bce1a965"));
      return null;
    });
    p.run().waitUntilFinish();
  }

  @Test
  public void compressedModulesReadLikeThePlainOne() {
    List<ModuleFile> files = new ArrayList<>();
    for (String suffix : List.of("", ".xz", ".zst", ".gz")) {
      String name = "fx_chain_a.ko" + suffix;
      files.add(new ModuleFile("k", fixture(name), "/m/" + name, name));
    }
    PAssert.that(read(files)).satisfies(all -> {
      Map<String, ModuleRecord> r = byPath(all);
      ModuleRecord plain = r.get("/m/fx_chain_a.ko");
      assertThat(exports(plain), contains("fx_chain_a_fn=9308b0fb"));
      assertThat(imports(plain), contains("fx_chain_b_fn=2ec2dc35", "__fentry__=bdfb6dbb", "__x86_return_thunk=5b8239ca",
          "module_layout=bce1a965"));
      assertThat(modinfo(plain, "alias"), contains("fx-chain-a"));
      for (String suffix : List.of(".xz", ".zst", ".gz")) {
        ModuleRecord c = r.get("/m/fx_chain_a.ko" + suffix);
        assertEquals("fx_chain_a", c.getName());
        assertThat(c.getMessages(), empty());
        assertEquals(plain.getExports(), c.getExports());
        assertEquals(plain.getImports(), c.getImports());
        assertEquals(plain.getModinfo(), c.getModinfo());
      }
      return null;
    });
    p.run().waitUntilFinish();
  }

  @Test
  public void aFileThatCannotBeOpenedIsARecordWithDepmodsMessage() {
    String path = "/lib/modules/1.0/kernel/gone.ko";
    ModuleFile gone = new ModuleFile("k", MODULES.resolve("no-such-module.ko").toString(), path, "kernel/gone.ko");
    PAssert.thatSingleton(read(List.of(gone))).satisfies(r -> {
      assertEquals("gone", r.getName());
      assertEquals(path, r.getPath());
      assertEquals("k", r.getKernel());
      assertEquals("kernel/gone.ko", r.getRelpath());
      assertEquals(List.of(DepmodMessage.error("failed to load symbols from " + path + ": No such file or directory").diagnostic()),
          r.getMessages());
      assertThat(r.getExports(), empty());
      assertThat(r.getImports(), empty());
      assertThat(r.getModinfo(), empty());
      return null;
    });
    p.run().waitUntilFinish();
  }

  @Test
  public void everyFileIsReadExactlyOnceWhateverTheShards() throws IOException {
    List<ModuleFile> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(MODULES)) {
      for (Path f : (Iterable<Path>) list.sorted()::iterator) {
        String n = f.getFileName().toString();
        if (n.matches(".*\\.ko(\\.xz|\\.zst|\\.gz)?")) files.add(new ModuleFile("k", f.toString(), "/m/" + n, n));
      }
    }
    Set<String> paths = files.stream().map(ModuleFile::getPath).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(42, paths.size());
    PAssert.that(read(files)).satisfies(all -> {
      List<String> got = new ArrayList<>();
      for (ModuleRecord r : all) {
        got.add(r.getPath());
        assertThat(r.getPath(), r.getMessages(), empty());
      }
      got.sort(null);
      assertEquals(new ArrayList<>(paths), got);
      return null;
    });
    p.run().waitUntilFinish();
  }

  @Test
  public void aKernelTravelsInBatchesOfItsOwnFilesInDiscoveryOrder() {
    List<ModuleFile> files = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      files.add(new ModuleFile("a", fixture("fx_core.ko"), "/lib/modules/a/m" + i + ".ko", "m" + i + ".ko"));
      if (i % 150 == 0) files.add(new ModuleFile("b", fixture("fx_core.ko"), "/lib/modules/b/m" + i + ".ko", "m" + i + ".ko"));
    }
    PAssert.that(p.apply(ReadModules.of(files))).satisfies(batches -> {
      Map<String, List<Integer>> sizes = new TreeMap<>();
      Map<String, List<String>> order = new TreeMap<>();
      for (KV<String, PackedModules> batch : batches) {
        sizes.computeIfAbsent(batch.getKey(), k -> new ArrayList<>()).add(batch.getValue().records().size());
        for (ModuleRecord r : batch.getValue().records()) {
          assertEquals(batch.getKey(), r.getKernel());
          order.computeIfAbsent(batch.getKey(), k -> new ArrayList<>()).add(r.getRelpath());
        }
      }
      sizes.values().forEach(Collections::sort);
      assertEquals(Map.of("a", List.of(44, 256), "b", List.of(2)), sizes);
      assertEquals(List.of("m0.ko", "m150.ko"), order.get("b"));
      return null;
    });
    p.run().waitUntilFinish();
  }
}
