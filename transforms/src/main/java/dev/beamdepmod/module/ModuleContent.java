package dev.beamdepmod.module;

import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.schema.Diagnostic;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * One module file as kmod's library holds it across depmod's three reads (exports, modinfo,
 * imports): opened once, decoded by its magic bytes, parsed as ELF once decoded. A failed decode is
 * retried by the next read and logs its library message again; a file that opens or decodes but is
 * no valid ELF fails every read without further messages.
 */
final class ModuleContent {
  private enum Compression { NONE, XZ, ZSTD, GZIP }

  private static final byte[] XZ_MAGIC = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0};
  private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD};
  private static final byte[] GZIP_MAGIC = {0x1F, (byte) 0x8B};

  private final ModuleSource source;
  private final List<Diagnostic> messages;
  private Compression compression;
  private ModuleSource decoded;
  private long decodeStart;
  private long lastFailedStart;
  private DecodeFailure lastDecodeFailure;
  private ElfModule elf;
  private ReadFailure permanentFailure;

  /** @param messages receives the library messages of decode attempts (ERROR "xz: ...") */
  ModuleContent(ModuleSource source, List<Diagnostic> messages) {
    this.source = source;
    this.messages = messages;
  }

  /** The parsed module, opening and decoding it first if that has not succeeded yet. */
  ElfModule elf() throws ReadFailure {
    if (elf != null) {
      return elf;
    }
    if (permanentFailure != null) {
      throw permanentFailure;
    }
    try {
      elf = ElfModule.open(content());
      return elf;
    } catch (ReadFailure f) {
      if (decoded != null) {
        permanentFailure = f;
      }
      throw f;
    }
  }

  /** The parsed module once {@link #elf()} has succeeded, else null. */
  ElfModule opened() {
    return elf;
  }

  private ModuleSource content() throws ReadFailure {
    if (decoded != null) {
      return decoded;
    }
    if (compression == null) {
      compression = open();
    }
    if (compression == Compression.NONE) {
      decoded = source;
      return decoded;
    }
    if (lastDecodeFailure == null || lastFailedStart != decodeStart) {
      // Decoding the same bytes as the last failed attempt would fail the same way: only report it.
      try {
        decoded = new ByteBufferSource(decode());
        return decoded;
      } catch (DecodeFailure f) {
        lastDecodeFailure = f;
        lastFailedStart = decodeStart;
      }
    }
    DecodeFailure failure = lastDecodeFailure;
    decodeStart = failure.nextStart();
    if (failure.libraryMessage() != null) {
      messages.add(DepmodMessage.error(failure.libraryMessage()).diagnostic());
    }
    throw ReadFailure.io(failure.strerror());
  }

  private ByteBuffer decode() throws DecodeFailure {
    switch (compression) {
      case XZ:
        return XzDecoder.decode(source, decodeStart);
      case ZSTD:
        return ZstdDecoder.decode(source);
      default:
        return GzipDecoder.decode(source);
    }
  }

  /** kmod reads the first 6 bytes to pick the decoder; a shorter file is rejected. */
  private Compression open() throws ReadFailure {
    Bytes magic;
    try {
      if (source.size() < XZ_MAGIC.length) {
        permanentFailure = ReadFailure.of(Errno.EINVAL);
        throw permanentFailure;
      }
      magic = Bytes.of(source.read(0, XZ_MAGIC.length), false);
    } catch (IOException e) {
      permanentFailure = ReadFailure.io(Errno.strerror(e));
      throw permanentFailure;
    }
    if (magic.startsWith(0, ZSTD_MAGIC)) {
      return Compression.ZSTD;
    }
    if (magic.startsWith(0, XZ_MAGIC)) {
      return Compression.XZ;
    }
    return magic.startsWith(0, GZIP_MAGIC) ? Compression.GZIP : Compression.NONE;
  }
}
