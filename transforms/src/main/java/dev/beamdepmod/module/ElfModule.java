package dev.beamdepmod.module;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A validated ELF module file: header, section header table and section-name table checked the way
 * kmod 34.2 checks them, and the five sections depmod uses (and the one whose size beam-depmod check
 * uses) located by name. Section contents are fetched from the source on demand, so an uncompressed
 * file is never read as a whole; what is read and kept (section headers, names, the named sections)
 * is at most {@link Limits#MAX_CONTENT_BYTES} in all, so every size and index inside it fits an int.
 */
final class ElfModule {
  /** The sections looked up by name (the first section with each name wins). */
  enum Named {
    KSYMTAB_STRINGS("__ksymtab_strings", true),
    MODINFO(".modinfo", true),
    STRTAB(".strtab", true),
    SYMTAB(".symtab", true),
    VERSIONS("__versions", true),
    /** The module's struct module: only its size is used (beam-depmod check, docs/check.md). */
    THIS_MODULE(".gnu.linkonce.this_module", false);

    private final byte[] name;
    /** depmod reads it, so its size counts against the content budget when found. */
    private final boolean read;

    Named(String name, boolean read) {
      this.name = name.getBytes(StandardCharsets.ISO_8859_1);
      this.read = read;
    }

    String sectionName() {
      return new String(name, StandardCharsets.ISO_8859_1);
    }
  }

  /** Size of one __versions entry (CRC of the word size, then the NUL-padded name). */
  static final int VERSION_ENTRY_SIZE = 64;

  private static final Named[] NAMED = Named.values();
  static final int SHN_UNDEF = 0;
  static final int SHN_ABS = 0xFFF1;
  private static final byte[] ELF_MAGIC = {0x7F, 'E', 'L', 'F'};
  /** Sections up to this size are kept once read for CRCs; larger ones are read per value. */
  private static final int CRC_SECTION_CACHE_BYTES = 1 << 20;
  /**
   * How much is read at a time while looking for a NUL: a short first read (the strings looked for
   * are names, a few dozen bytes), doubling up to the largest.
   */
  private static final int FIRST_SCAN_CHUNK = 256;
  private static final int SCAN_CHUNK = 64 << 10;

  private final ModuleSource source;
  private final long fileSize;
  private final boolean is64;
  private final boolean bigEndian;
  private final int machine;
  private final int sectionCount;
  private final Bytes sectionHeaders;
  private final Bytes sectionNames;
  private final long[] namedOffset = new long[NAMED.length];
  private final long[] namedSize = new long[NAMED.length];
  private final Bytes[] namedContent = new Bytes[NAMED.length];
  private final Bytes[] namedThroughNul = new Bytes[NAMED.length];
  /** Small sections read for CRCs, by index (each read once). */
  private final Bytes[] crcSections;
  /** Bytes read from the source and kept, against {@link Limits#MAX_CONTENT_BYTES}. */
  private long held;

  private ElfModule(ModuleSource source, long fileSize, Bytes header) throws ReadFailure {
    this.source = source;
    this.fileSize = fileSize;
    this.is64 = header.u8(4) == 2;
    this.bigEndian = header.u8(5) == 2;
    Bytes h = header.withBigEndian(bigEndian);
    this.machine = h.u16(18);
    long tableOffset = h.word(is64 ? 40 : 32, is64);
    int entrySize = h.u16(is64 ? 58 : 46);
    this.sectionCount = h.u16(is64 ? 60 : 48);
    int namesIndex = h.u16(is64 ? 62 : 50);
    if (entrySize != sectionHeaderSize() || !inFile(tableOffset, (long) sectionCount * entrySize)) {
      throw ReadFailure.of(Errno.EINVAL);
    }
    if (namesIndex == SHN_UNDEF || namesIndex >= sectionCount) {
      throw ReadFailure.abort();
    }
    hold(sectionCount * entrySize);
    this.sectionHeaders = read(tableOffset, sectionCount * entrySize);
    // The name table's own sh_name is checked against its own size (kmod reads the size first).
    long namesSize = shSize(namesIndex);
    long namesOffset = shOffset(namesIndex);
    if (!inFile(namesOffset, namesSize) || shName(namesIndex) >= namesSize) {
      throw ReadFailure.of(Errno.EINVAL);
    }
    hold(namesSize);
    this.sectionNames = read(namesOffset, (int) namesSize);
    if (sectionNames.u8(sectionNames.length() - 1) != 0) {
      throw ReadFailure.of(Errno.EINVAL);
    }
    this.crcSections = new Bytes[sectionCount];
    locateNamedSections();
  }

  /** Validates the ELF structure of the source (the whole module content). */
  static ElfModule open(ModuleSource source) throws ReadFailure {
    long size;
    Bytes header;
    try {
      size = source.size();
      header = size <= 16 ? null : Bytes.of(source.read(0, (int) Math.min(size, 64)), false);
    } catch (IOException e) {
      throw ReadFailure.io(Errno.strerror(e));
    }
    if (header == null || !header.startsWith(0, ELF_MAGIC)) {
      throw ReadFailure.of(Errno.ENOEXEC);
    }
    int elfClass = header.u8(4);
    int data = header.u8(5);
    if (elfClass != 1 && elfClass != 2
        || size <= (elfClass == 2 ? 64 : 52)
        || data != 1 && data != 2) {
      throw ReadFailure.of(Errno.EINVAL);
    }
    return new ElfModule(source, size, header);
  }

  boolean is64() {
    return is64;
  }

  boolean isSparc() {
    return machine == 2 || machine == 43;
  }

  int sectionCount() {
    return sectionCount;
  }

  boolean bigEndian() {
    return bigEndian;
  }

  int machine() {
    return machine;
  }

  /** Content of a named section, or null when absent (kmod treats a section at file offset 0 as absent). */
  Bytes section(Named which) throws ReadFailure {
    int i = which.ordinal();
    if (namedOffset[i] == 0) {
      return null;
    }
    if (namedContent[i] == null) {
      namedContent[i] = read(namedOffset[i], (int) namedSize[i]);
    }
    return namedContent[i];
  }

  /**
   * A named section's content continued through the first NUL at or after its end (at most to the
   * end of the file). kmod reads strings in place, so a string at the end of an unterminated
   * section runs on into whatever follows it in the file.
   *
   * @throws ReadFailure "File too large" when the continuation does not fit the content budget
   */
  Bytes sectionThroughNul(Named which) throws ReadFailure {
    Bytes content = section(which);
    if (content == null || content.length() == 0 || content.u8(content.length() - 1) == 0) {
      return content;
    }
    int i = which.ordinal();
    if (namedThroughNul[i] == null) {
      long end = namedOffset[i] + content.length();
      long nul = nextNul(end, end + Limits.MAX_CONTENT_BYTES - held);
      long extension = (nul < 0 ? fileSize : nul + 1) - end;
      hold(extension);
      namedThroughNul[i] = read(namedOffset[i], (int) (content.length() + extension));
      // The continued copy holds the section too: keep one.
      namedContent[i] = namedThroughNul[i].prefix(content.length());
    }
    return namedThroughNul[i];
  }

  /** Size of a named section without reading it; -1 when absent. */
  long sectionSize(Named which) {
    int i = which.ordinal();
    return namedOffset[i] == 0 ? -1 : namedSize[i];
  }

  /**
   * The 4-byte unsigned value at offset inside section index, or -1 (all bits set) when that
   * section's header is invalid or the value does not fit inside it. index must be below
   * {@link #sectionCount()} and not 0.
   */
  long u32InSection(int index, long offset) throws ReadFailure {
    if (!validSection(index)) {
      return -1;
    }
    long size = shSize(index);
    if (size < 4 || Long.compareUnsigned(offset, size - 4) > 0) {
      return -1;
    }
    Bytes content = crcSection(index, size);
    return content != null ? content.u32((int) offset) : read(shOffset(index) + offset, 4).u32(0);
  }

  /**
   * Where section index's content starts in the file, or -1 when the index is 0 or not below
   * {@link #sectionCount()} or the section header is invalid.
   */
  long sectionStart(int index) {
    return index == SHN_UNDEF || index >= sectionCount || !validSection(index) ? -1 : shOffset(index);
  }

  /** Where a section whose {@link #sectionStart} is not -1 ends in the file. */
  long sectionEnd(int index) {
    return shOffset(index) + shSize(index);
  }

  /** The file offset of the first NUL in [from, limit) (limit is clipped to the file), or -1. */
  long nextNul(long from, long limit) throws ReadFailure {
    long end = Math.min(limit, fileSize);
    long chunkSize = FIRST_SCAN_CHUNK;
    for (long at = from; at < end; at += chunkSize, chunkSize = Math.min(2 * chunkSize, SCAN_CHUNK)) {
      Bytes chunk = read(at, (int) Math.min(chunkSize, end - at));
      int length = chunk.stringLength(0);
      if (length < chunk.length()) {
        return at + length;
      }
    }
    return -1;
  }

  /** The bytes [from, from + length) of the file (inside it) as an ISO-8859-1 string. */
  String string(long from, int length) throws ReadFailure {
    return read(from, length).string(0, length);
  }

  /** The whole content of a valid section up to the cache size, kept while the budget allows; else null. */
  private Bytes crcSection(int index, long size) throws ReadFailure {
    if (crcSections[index] == null) {
      if (size > CRC_SECTION_CACHE_BYTES || size > Limits.MAX_CONTENT_BYTES - held) {
        return null;
      }
      held += size;
      crcSections[index] = read(shOffset(index), (int) size);
    }
    return crcSections[index];
  }

  private void locateNamedSections() throws ReadFailure {
    boolean[] found = new boolean[NAMED.length];
    int remaining = NAMED.length;
    for (int index = 1; index < sectionCount && remaining > 0; index++) {
      if (!validSection(index)) {
        continue;
      }
      int name = (int) shName(index);
      int nameLength = sectionNames.stringLength(name);
      for (Named n : NAMED) {
        if (!found[n.ordinal()] && nameLength == n.name.length && sectionNames.startsWith(name, n.name)) {
          found[n.ordinal()] = true;
          remaining--;
          namedOffset[n.ordinal()] = shOffset(index);
          namedSize[n.ordinal()] = shSize(index);
          break;
        }
      }
    }
    for (Named n : NAMED) {
      if (n.read && namedOffset[n.ordinal()] != 0) {
        hold(namedSize[n.ordinal()]);
      }
    }
  }

  /** Counts size more bytes as kept; "File too large" when they do not fit the content budget. */
  private void hold(long size) throws ReadFailure {
    if (size > Limits.MAX_CONTENT_BYTES - held) {
      throw ReadFailure.of(Errno.EFBIG);
    }
    held += size;
  }

  /** A section header kmod accepts: data inside the file and name inside the name table. */
  private boolean validSection(int index) {
    return inFile(shOffset(index), shSize(index)) && shName(index) < sectionNames.length();
  }

  private int sectionHeaderSize() {
    return is64 ? 64 : 40;
  }

  private long shName(int index) {
    return sectionHeaders.u32(index * sectionHeaderSize());
  }

  private long shOffset(int index) {
    return sectionHeaders.word(index * sectionHeaderSize() + (is64 ? 24 : 16), is64);
  }

  private long shSize(int index) {
    return sectionHeaders.word(index * sectionHeaderSize() + (is64 ? 32 : 20), is64);
  }

  /** offset + size <= file size, in unsigned 64-bit arithmetic without overflow. */
  private boolean inFile(long offset, long size) {
    return Long.compareUnsigned(offset, fileSize) <= 0 && Long.compareUnsigned(size, fileSize - offset) <= 0;
  }

  private Bytes read(long offset, int length) throws ReadFailure {
    try {
      return Bytes.of(source.read(offset, length), bigEndian);
    } catch (IOException e) {
      throw ReadFailure.io(Errno.strerror(e));
    }
  }
}
