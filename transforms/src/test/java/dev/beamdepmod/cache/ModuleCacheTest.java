package dev.beamdepmod.cache;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.module.ByteBufferSource;
import dev.beamdepmod.module.ModuleReader;
import dev.beamdepmod.schema.ModuleRecord;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;

/** ModuleCache over an in-memory store: reuse, and every way an entry or the store can fail. */
public class ModuleCacheTest {
  private static final Path MODULES = Paths.get("..", "fixtures", "modules").toAbsolutePath().normalize();
  private static final String PATH = "/lib/modules/1.0/kernel/fx_chain_a.ko.xz";

  /** Entries in a map; a store that fails to read or write when told to. */
  private static final class MemoryStore implements CacheStore {
    final Map<String, byte[]> entries = new HashMap<>();
    boolean readFails;
    boolean writeFails;
    int writes;

    @Override
    public byte[] read(String name) throws IOException {
      if (readFails) throw new AccessDeniedException(name);
      return entries.get(name);
    }

    @Override
    public void write(String name, byte[] content) throws IOException {
      if (writeFails) throw new AccessDeniedException(name);
      writes++;
      entries.put(name, content.clone());
    }

    @Override
    public String location() {
      return "mem:/cache";
    }
  }

  private final MemoryStore store = new MemoryStore();
  private final ModuleCache cache = new ModuleCache(store);
  private final AtomicInteger reads = new AtomicInteger();

  private static byte[] fixture(String name) throws IOException {
    return Files.readAllBytes(MODULES.resolve(name));
  }

  private ModuleCache.Lookup lookup(String path, byte[] stored) {
    return cache.module(path, stored, () -> {
      reads.incrementAndGet();
      return ModuleReader.read(path, ByteBufferSource.of(stored));
    });
  }

  private static List<String> warnings(ModuleRecord r) {
    return r.getMessages().stream().map(d -> DepmodMessage.of(d).line()).toList();
  }

  private static String entry(byte[] stored) {
    return CacheKey.entryName(CacheKey.of(stored));
  }

  @Test
  public void aSecondLookupReusesTheRecordWithoutReading() throws IOException {
    byte[] stored = fixture("fx_chain_a.ko.xz");
    ModuleRecord fresh = ModuleReader.read(PATH, ByteBufferSource.of(stored));
    ModuleCache.Lookup cold = lookup(PATH, stored);
    ModuleCache.Lookup warm = lookup(PATH, stored);
    assertFalse(cold.hit());
    assertTrue(warm.hit());
    assertEquals(1, reads.get());
    assertEquals(fresh, cold.record());
    assertEquals(fresh, warm.record());
    assertTrue(fresh.getExports().size() > 0);
  }

  @Test
  public void aReusedRecordTakesThePathOfTheRunAtHand() throws IOException {
    byte[] stored = fixture("fx_chain_a.ko");
    lookup(PATH, stored);
    String other = "/srv/tree/lib/modules/2.0/extra/fx-chain-a.ko";
    ModuleCache.Lookup warm = lookup(other, stored);
    assertTrue(warm.hit());
    assertEquals(ModuleReader.read(other, ByteBufferSource.of(stored)), warm.record());
    assertEquals("fx_chain_a", warm.record().getName());
  }

  @Test
  public void filesOfOtherBytesAreOtherEntries() throws IOException {
    lookup(PATH, fixture("fx_chain_a.ko.xz"));
    ModuleCache.Lookup b = lookup(PATH, fixture("fx_chain_b.ko.xz"));
    assertFalse(b.hit());
    assertEquals(ModuleReader.read(PATH, ByteBufferSource.of(fixture("fx_chain_b.ko.xz"))), b.record());
    assertEquals(2, store.entries.size());
  }

  @Test
  public void aModuleWithMessagesIsNotStored() throws IOException {
    byte[] garbage = "not an ELF file at all".getBytes();
    ModuleCache.Lookup got = lookup(PATH, garbage);
    assertEquals(ModuleReader.read(PATH, ByteBufferSource.of(garbage)), got.record());
    assertEquals(1, got.record().getMessages().size());
    assertTrue(store.entries.isEmpty());
    assertFalse(lookup(PATH, garbage).hit());
  }

  /** The entry, spoilt, is read again with one warning and replaced by a good one. */
  private void assertSpoiltEntryIsReplaced(byte[] stored, byte[] spoilt, String reason) {
    store.entries.put(entry(stored), spoilt);
    ModuleCache.Lookup got = lookup(PATH, stored);
    assertFalse(got.hit());
    ModuleRecord fresh = ModuleReader.read(PATH, ByteBufferSource.of(stored));
    assertEquals(List.of("beam-depmod: WARNING: cache entry mem:/cache/" + entry(stored) + " is unusable (" + reason
        + "): " + PATH + " is read again"), warnings(got.record()));
    assertEquals(fresh.getExports(), got.record().getExports());
    assertEquals(fresh.getModinfo(), got.record().getModinfo());
    ModuleCache.Lookup again = lookup(PATH, stored);
    assertTrue(again.hit());
    assertEquals(fresh, again.record());
  }

  @Test
  public void garbageOverAnEntry() throws IOException {
    byte[] stored = fixture("fx_chain_a.ko.gz");
    lookup(PATH, stored);
    byte[] garbage = store.entries.get(entry(stored)).clone();
    Arrays.fill(garbage, 0, garbage.length, (byte) 0x5a);
    assertSpoiltEntryIsReplaced(stored, garbage, "not a beam-depmod cache entry");
  }

  @Test
  public void aFlippedPayloadByte() throws IOException {
    byte[] stored = fixture("fx_chain_a.ko.gz");
    lookup(PATH, stored);
    byte[] flipped = store.entries.get(entry(stored)).clone();
    flipped[flipped.length - 3] ^= 1;
    assertSpoiltEntryIsReplaced(stored, flipped, "checksum mismatch");
  }

  @Test
  public void aTruncatedEntry() throws IOException {
    byte[] stored = fixture("fx_chain_a.ko.zst");
    lookup(PATH, stored);
    byte[] whole = store.entries.get(entry(stored));
    assertSpoiltEntryIsReplaced(stored, Arrays.copyOf(whole, whole.length - 10),
        "truncated or overlong (" + (whole.length - 10) + " bytes)");
    assertSpoiltEntryIsReplaced(stored, Arrays.copyOf(whole, 7), "truncated (7 bytes)");
    assertSpoiltEntryIsReplaced(stored, new byte[0], "truncated (0 bytes)");
  }

  @Test
  public void anEntryOfAnotherVersion() throws IOException {
    byte[] stored = fixture("fx_chain_a.ko");
    lookup(PATH, stored);
    byte[] other = store.entries.get(entry(stored)).clone();
    other[7] ^= 0x40;
    assertSpoiltEntryIsReplaced(stored, other, "written by another beam-depmod version");
  }

  @Test
  public void anEntryOfAnotherFileUnderThisName() throws IOException {
    byte[] a = fixture("fx_chain_a.ko");
    byte[] b = fixture("fx_chain_b.ko");
    lookup(PATH, b);
    assertSpoiltEntryIsReplaced(a, store.entries.get(entry(b)), "holds the entry of another file");
  }

  @Test
  public void anUnreadableStoreIsWarnedAboutAndTheModuleRead() throws IOException {
    byte[] stored = fixture("fx_chain_a.ko.xz");
    lookup(PATH, stored);
    store.readFails = true;
    ModuleCache.Lookup got = lookup(PATH, stored);
    assertFalse(got.hit());
    assertEquals(List.of("beam-depmod: WARNING: could not read cache entry mem:/cache/" + entry(stored)
        + " (Permission denied): " + PATH + " is read again"), warnings(got.record()));
  }

  @Test
  public void aStoreThatCannotBeWrittenToIsWarnedAboutOnceThenOnlyRead() throws IOException {
    byte[] a = fixture("fx_chain_a.ko.xz");
    lookup(PATH, a);
    store.writeFails = true;
    ModuleCache.Lookup b = lookup(PATH, fixture("fx_chain_b.ko.xz"));
    assertEquals(List.of("beam-depmod: WARNING: cannot write to the module cache mem:/cache (Permission denied)"
        + ": modules are no longer stored in it"), warnings(b.record()));
    ModuleCache.Lookup c = lookup(PATH, fixture("fx_chain_c.ko.xz"));
    assertEquals(List.of(), warnings(c.record()));
    assertTrue(lookup(PATH, a).hit());
    store.writeFails = false;
    lookup(PATH, fixture("fx_chain_c.ko.gz"));
    assertEquals(1, store.writes);
  }

  @Test
  public void theKeyIsTheSha256OfTheStoredBytes() {
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", CacheKey.of(new byte[0]));
    assertEquals("modules-v" + EntryFormat.VERSION + "/e3/e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        CacheKey.entryName(CacheKey.of(new byte[0])));
  }

  @Test
  public void anEntryDecodesToWhatWasEncoded() throws Exception {
    byte[] stored = fixture("fx_chain_a.ko");
    ModuleRecord r = ModuleReader.read(PATH, ByteBufferSource.of(stored));
    byte[] entry = EntryFormat.encode("k", List.of(r));
    assertNotNull(entry);
    assertEquals(List.of(r), EntryFormat.decode("k", entry));
    assertArrayEquals(entry, EntryFormat.encode("k", EntryFormat.decode("k", entry)));
  }
}
