package dev.beamdepmod.module;

/**
 * Bounds that keep a hostile or broken module file from exhausting memory. kmod has none of these
 * (it mallocs whatever a header claims); they sit far above anything real, so real modules never
 * meet them, and a file that does is rejected with "File too large" (EFBIG) instead of crashing a
 * worker that reads many modules in parallel.
 */
final class Limits {
  private Limits() {}

  /**
   * Largest decompressed module, and largest single section read from an uncompressed one. The
   * biggest real module (amdgpu, stripped) is about 40 MB; 256 MiB leaves room for unstripped
   * modules while two parallel workers each holding one buffer (plus the copy made while the buffer
   * grows, 1.5x) stay well inside a default-sized heap. 1 GiB per worker would not.
   */
  static final int MAX_CONTENT_BYTES = 256 << 20;

  /** Most entries in .symtab or __versions (the largest real .symtab has about 26 000 entries). */
  static final int MAX_TABLE_ENTRIES = 1 << 20;

  /**
   * Largest .modinfo or __ksymtab_strings section, whose strings become one record entry each (the
   * largest real .modinfo is about 40 KB). 4 MiB bounds the entries at 2 million.
   */
  static final int MAX_STRING_LIST_BYTES = 4 << 20;

  /**
   * Dictionary memory the xz decoder may allocate, in KiB: room for "xz -9" (64 MiB dictionary); the
   * kernel compresses modules with a 1 MiB dictionary. Beyond it: "xz: Cannot allocate memory".
   */
  static final int MAX_XZ_MEMORY_KIB = 96 << 10;
}
