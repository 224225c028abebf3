package dev.beamdepmod.module;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds synthetic ELF relocatable files (32/64-bit, little/big endian) with chosen sections and
 * symbols, laid out as: ELF header, section contents, section-name table, section header table.
 * Every header field the reader checks can be overridden to build malformed files.
 */
final class ElfBuilder {
  static final int STB_LOCAL = 0;
  static final int STB_GLOBAL = 1;
  static final int STB_WEAK = 2;
  static final int SHN_ABS = 0xFFF1;

  /** A section: its content and, optionally, header values that differ from the real layout. */
  static final class Section {
    final String name;
    final byte[] content;
    Long offset;
    Long size;
    Long nameOffset;

    Section(String name, byte[] content) {
      this.name = name;
      this.content = content;
    }

    /** Header says the data starts here (instead of where it was laid out). */
    Section offset(long value) {
      offset = value;
      return this;
    }

    Section size(long value) {
      size = value;
      return this;
    }

    Section nameOffset(long value) {
      nameOffset = value;
      return this;
    }
  }

  private record Symbol(String name, long value, int sectionIndex, int bind, int type) {}

  private final boolean is64;
  private final boolean bigEndian;
  private final List<Section> sections = new ArrayList<>();
  private final List<Symbol> symbols = new ArrayList<>();
  private int machine = 62;
  private Integer sectionHeaderSize;
  private Integer sectionCount;
  private Integer namesIndex;
  private Long sectionTableOffset;
  private boolean namesWithoutNul;
  private byte[] trailer = new byte[0];

  ElfBuilder(boolean is64, boolean bigEndian) {
    this.is64 = is64;
    this.bigEndian = bigEndian;
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** NUL-terminated strings one after the other. */
  static byte[] strings(String... values) {
    StringBuilder b = new StringBuilder();
    for (String v : values) {
      b.append(v).append('\0');
    }
    return bytes(b.toString());
  }

  /** Adds a section; returns its section index (the null section is 0, the first added is 1). */
  int section(String name, byte[] content) {
    return add(new Section(name, content));
  }

  int add(Section section) {
    sections.add(section);
    return sections.size();
  }

  ElfBuilder modinfo(String... entries) {
    section(".modinfo", strings(entries));
    return this;
  }

  ElfBuilder ksymtabStrings(String... names) {
    section("__ksymtab_strings", strings(names));
    return this;
  }

  /** A __versions table of (crc, name) pairs. */
  ElfBuilder versions(Object... crcAndName) {
    Writer w = new Writer(bigEndian);
    for (int i = 0; i < crcAndName.length; i += 2) {
      w.word(((Number) crcAndName[i]).longValue(), is64);
      byte[] name = bytes((String) crcAndName[i + 1]);
      byte[] field = new byte[64 - (is64 ? 8 : 4)];
      System.arraycopy(name, 0, field, 0, Math.min(name.length, field.length));
      w.bytes(field);
    }
    section("__versions", w.toByteArray());
    return this;
  }

  /** A .symtab entry; .symtab and .strtab are added at build time (after the other sections). */
  ElfBuilder symbol(String name, long value, int sectionIndex, int bind, int type) {
    symbols.add(new Symbol(name, value, sectionIndex, bind, type));
    return this;
  }

  /** An undefined (imported) symbol. */
  ElfBuilder undefined(String name, int bind) {
    return symbol(name, 0, 0, bind, 0);
  }

  ElfBuilder machine(int value) {
    machine = value;
    return this;
  }

  ElfBuilder sectionHeaderSize(int value) {
    sectionHeaderSize = value;
    return this;
  }

  ElfBuilder sectionCount(int value) {
    sectionCount = value;
    return this;
  }

  ElfBuilder namesIndex(int value) {
    namesIndex = value;
    return this;
  }

  ElfBuilder sectionTableOffset(long value) {
    sectionTableOffset = value;
    return this;
  }

  /** Drops the final NUL of the section-name table. */
  ElfBuilder namesWithoutNul() {
    namesWithoutNul = true;
    return this;
  }

  /** Bytes appended after everything (e.g. a module signature). */
  ElfBuilder trailer(byte[] value) {
    trailer = value;
    return this;
  }

  /** Section index the symbol table will get at build time. */
  int symtabIndex() {
    return sections.size() + 1;
  }

  byte[] build() {
    List<Section> all = new ArrayList<>(sections);
    if (!symbols.isEmpty()) {
      all.add(symbolTable());
      all.add(new Section(".strtab", symbolNames()));
    }
    ByteArrayOutputStream names = new ByteArrayOutputStream();
    names.write(0);
    long[] nameOffsets = new long[all.size() + 1];
    for (int i = 0; i < all.size(); i++) {
      nameOffsets[i] = names.size();
      names.writeBytes(strings(all.get(i).name));
    }
    nameOffsets[all.size()] = names.size();
    names.writeBytes(strings(".shstrtab"));
    byte[] nameTable = names.toByteArray();
    if (namesWithoutNul) {
      nameTable = java.util.Arrays.copyOf(nameTable, nameTable.length - 1);
    }
    all.add(new Section(".shstrtab", nameTable).nameOffset(nameOffsets[all.size()]));

    int headerSize = is64 ? 64 : 52;
    Writer body = new Writer(bigEndian);
    body.bytes(new byte[headerSize]);
    long[] offsets = new long[all.size()];
    for (int i = 0; i < all.size(); i++) {
      body.align(8);
      offsets[i] = body.size();
      body.bytes(all.get(i).content);
    }
    body.align(8);
    long tableOffset = body.size();
    int entrySize = is64 ? 64 : 40;
    body.bytes(new byte[entrySize]);
    for (int i = 0; i < all.size(); i++) {
      Section s = all.get(i);
      body.u32(s.nameOffset != null ? s.nameOffset : nameOffsets[i]);
      body.u32(1);
      body.word(0, is64);
      body.word(0, is64);
      body.word(s.offset != null ? s.offset : offsets[i], is64);
      body.word(s.size != null ? s.size : s.content.length, is64);
      body.u32(0);
      body.u32(0);
      body.word(1, is64);
      body.word(0, is64);
    }
    body.bytes(trailer);

    Writer header = new Writer(bigEndian);
    header.bytes(new byte[] {0x7F, 'E', 'L', 'F', (byte) (is64 ? 2 : 1), (byte) (bigEndian ? 2 : 1), 1});
    header.bytes(new byte[9]);
    header.u16(1);
    header.u16(machine);
    header.u32(1);
    header.word(0, is64);
    header.word(0, is64);
    header.word(sectionTableOffset != null ? sectionTableOffset : tableOffset, is64);
    header.u32(0);
    header.u16(headerSize);
    header.u16(0);
    header.u16(0);
    header.u16(sectionHeaderSize != null ? sectionHeaderSize : entrySize);
    header.u16(sectionCount != null ? sectionCount : all.size() + 1);
    header.u16(namesIndex != null ? namesIndex : all.size());
    byte[] out = body.toByteArray();
    System.arraycopy(header.toByteArray(), 0, out, 0, headerSize);
    return out;
  }

  private Section symbolTable() {
    Writer w = new Writer(bigEndian);
    w.bytes(new byte[is64 ? 24 : 16]);
    int nameOffset = 1;
    for (Symbol s : symbols) {
      int info = s.bind << 4 | s.type;
      if (is64) {
        w.u32(nameOffset);
        w.u8(info);
        w.u8(0);
        w.u16(s.sectionIndex);
        w.u64(s.value);
        w.u64(0);
      } else {
        w.u32(nameOffset);
        w.u32(s.value);
        w.u32(0);
        w.u8(info);
        w.u8(0);
        w.u16(s.sectionIndex);
      }
      nameOffset += bytes(s.name).length + 1;
    }
    return new Section(".symtab", w.toByteArray());
  }

  private byte[] symbolNames() {
    ByteArrayOutputStream names = new ByteArrayOutputStream();
    names.write(0);
    for (Symbol s : symbols) {
      names.writeBytes(strings(s.name));
    }
    return names.toByteArray();
  }

  /** Appends integers in a chosen byte order. */
  static final class Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean bigEndian;

    Writer(boolean bigEndian) {
      this.bigEndian = bigEndian;
    }

    void u8(int v) {
      out.write(v);
    }

    void u16(long v) {
      put(v, 2);
    }

    void u32(long v) {
      put(v, 4);
    }

    void u64(long v) {
      put(v, 8);
    }

    void word(long v, boolean is64) {
      put(v, is64 ? 8 : 4);
    }

    void bytes(byte[] b) {
      out.writeBytes(b);
    }

    void align(int n) {
      while (out.size() % n != 0) {
        out.write(0);
      }
    }

    int size() {
      return out.size();
    }

    byte[] toByteArray() {
      return out.toByteArray();
    }

    private void put(long v, int n) {
      for (int i = 0; i < n; i++) {
        int shift = 8 * (bigEndian ? n - 1 - i : i);
        out.write((int) (v >>> shift) & 0xFF);
      }
    }
  }
}
