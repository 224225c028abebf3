package dev.beamdepmod.cache;

import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.module.Errno;
import dev.beamdepmod.module.ModuleName;
import dev.beamdepmod.schema.Diagnostic;
import dev.beamdepmod.schema.ModuleRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Module records by the bytes of their files (docs/cache.md). A lookup that finds no usable entry
 * reads the module as without a cache; an entry that cannot be used (unreadable, corrupt, of
 * another version) costs one warning and is replaced. A location that cannot be written to is
 * warned about once, then only read. Warnings are beam-depmod's own, carried in the record so that
 * they appear in the kernel's stderr where the module is reported (docs/deviations.md).
 */
public final class ModuleCache {
  /**
   * Largest stored file looked up: the whole file is read to hash it, where an uncompressed module
   * is otherwise read section by section. Bigger ones (debug builds) are read as without a cache.
   */
  public static final int MAX_STORED_BYTES = 64 << 20;

  private final CacheStore store;
  private final AtomicBoolean writable = new AtomicBoolean(true);

  public ModuleCache(CacheStore store) {
    this.store = store;
  }

  /** @param hit whether the record came from the cache */
  public record Lookup(ModuleRecord record, boolean hit) {}

  /**
   * @param path the module's path, as {@link dev.beamdepmod.module.ModuleReader#read} takes it
   * @param stored the file's bytes as stored
   * @param read reads the module from those bytes when the cache has no usable entry
   */
  public Lookup module(String path, byte[] stored, Supplier<ModuleRecord> read) {
    String key = CacheKey.of(stored);
    String name = CacheKey.entryName(key);
    List<Diagnostic> warnings = new ArrayList<>(0);
    try {
      byte[] entry = store.read(name);
      if (entry != null) {
        List<ModuleRecord> records = EntryFormat.decode(key, entry);
        if (records.size() != 1) throw new EntryFormat.BadEntry("holds " + records.size() + " records");
        ModuleRecord record = records.get(0);
        record.setPath(path);
        record.setName(ModuleName.of(path));
        return new Lookup(record, true);
      }
    } catch (IOException e) {
      warnings.add(warning("could not read cache entry " + where(name) + " (" + reason(e) + "): " + path + " is read again"));
    } catch (EntryFormat.BadEntry e) {
      warnings.add(warning("cache entry " + where(name) + " is unusable (" + e.getMessage() + "): " + path + " is read again"));
    }
    ModuleRecord record = read.get();
    if (record.getMessages().isEmpty()) store(key, name, record, warnings);
    if (!warnings.isEmpty()) {
      List<Diagnostic> messages = new ArrayList<>(record.getMessages());
      messages.addAll(warnings);
      record.setMessages(messages);
    }
    return new Lookup(record, false);
  }

  /** Stores what depends on the bytes alone: the run's own path, kernel and position are cleared. */
  private void store(String key, String name, ModuleRecord record, List<Diagnostic> warnings) {
    if (!writable.get()) return;
    ModuleRecord bare = ModuleRecord.newBuilder(record)
        .setKernel("").setName("").setPath("").setRelpath(null).setDiscovery(0).build();
    try {
      store.write(name, EntryFormat.encode(key, List.of(bare)));
    } catch (IOException e) {
      if (writable.getAndSet(false)) {
        warnings.add(warning("cannot write to the module cache " + store.location() + " (" + reason(e)
            + "): modules are no longer stored in it"));
      }
    }
  }

  /** The errno text where there is one, else the file system's own words (e.g. an object store's). */
  private static String reason(IOException e) {
    String strerror = Errno.strerror(e);
    return strerror.equals(Errno.EIO.text()) && e.getMessage() != null ? e.getMessage() : strerror;
  }

  private String where(String name) {
    return store.location() + (store.location().endsWith("/") ? "" : "/") + name;
  }

  private static Diagnostic warning(String text) {
    return DepmodMessage.beamDepmodWarning(text).diagnostic();
  }
}
