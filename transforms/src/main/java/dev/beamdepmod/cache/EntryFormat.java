package dev.beamdepmod.cache;

import static java.nio.charset.StandardCharsets.US_ASCII;

import dev.beamdepmod.schema.ModuleCacheEntry;
import dev.beamdepmod.schema.ModuleRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.SchemaNormalization;

/**
 * The bytes of one cache entry (docs/cache.md): a 24-byte header, then a {@code ModuleCacheEntry}
 * in Avro's single-object encoding. Header: "BDMC", the format version, the fingerprint of the entry's
 * schema, the payload's length and its CRC-32C (all big-endian). Whatever does not match exactly
 * (another version or schema, a short or long file, a wrong checksum, another key) is a
 * {@link BadEntry}, never a record.
 */
public final class EntryFormat {
  /**
   * Bump whenever the module reader's output changes for the same bytes (a new field filled, a
   * parsing fix): entries of older readers are then never used. Schema changes need no bump (the
   * fingerprint catches them).
   */
  public static final int VERSION = 1;

  private static final byte[] MAGIC = "BDMC".getBytes(US_ASCII);
  private static final int HEADER_BYTES = 24;
  private static final long SCHEMA = SchemaNormalization.parsingFingerprint64(ModuleCacheEntry.getClassSchema());

  private EntryFormat() {}

  /** An entry that must not be used, and why (for the warning). */
  public static final class BadEntry extends Exception {
    BadEntry(String reason) {
      super(reason);
    }
  }

  public static byte[] encode(String key, List<ModuleRecord> modules) {
    byte[] body;
    try {
      ByteBuffer single = new ModuleCacheEntry(key, modules).toByteBuffer();
      body = new byte[single.remaining()];
      single.get(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ByteBuffer.allocate(HEADER_BYTES + body.length)
        .put(MAGIC).putInt(VERSION).putLong(SCHEMA).putInt(body.length).putInt(crc(body, 0, body.length))
        .put(body).array();
  }

  /** @return the records of an entry that is intact, of this version and of this key */
  public static List<ModuleRecord> decode(String key, byte[] entry) throws BadEntry {
    ByteBuffer in = ByteBuffer.wrap(entry);
    try {
      byte[] magic = new byte[MAGIC.length];
      in.get(magic);
      if (!Arrays.equals(magic, MAGIC)) throw new BadEntry("not a beam-depmod cache entry");
      int version = in.getInt();
      long schema = in.getLong();
      if (version != VERSION || schema != SCHEMA) throw new BadEntry("written by another beam-depmod version");
      int length = in.getInt();
      int crc = in.getInt();
      if (length != in.remaining()) throw new BadEntry("truncated or overlong (" + entry.length + " bytes)");
      if (crc != crc(entry, HEADER_BYTES, length)) throw new BadEntry("checksum mismatch");
    } catch (BufferUnderflowException e) {
      throw new BadEntry("truncated (" + entry.length + " bytes)");
    }
    ModuleCacheEntry decoded;
    try {
      decoded = ModuleCacheEntry.fromByteBuffer(ByteBuffer.wrap(entry, HEADER_BYTES, entry.length - HEADER_BYTES));
    } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException e) {
      throw new BadEntry("undecodable (" + e.getClass().getSimpleName() + ")");
    }
    if (!decoded.getKey().equals(key)) throw new BadEntry("holds the entry of another file");
    return decoded.getModules();
  }

  private static int crc(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }
}
