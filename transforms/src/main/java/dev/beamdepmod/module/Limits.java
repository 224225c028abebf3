package dev.beamdepmod.module;

/**
 * Bounds that keep a hostile or broken module file from exhausting memory. kmod has none of these
 * (it mallocs whatever a header claims). Everything inside a module is bounded by the module
 * itself: a section must lie inside the file, so a table has at most (section size / entry size)
 * entries and a string list at most (section size / 2) strings; no count of entries is capped on
 * its own. What is capped is the file's content, the one array a read holds; a file over it is
 * rejected with "File too large" (EFBIG) instead of crashing a worker that reads many modules in
 * parallel. See docs/deviations.md, "Module reader limits".
 */
final class Limits {
  private Limits() {}

  /**
   * Largest decompressed module, and largest single section read from an uncompressed one: the one
   * cap. The biggest real module seen, riscv64's amdgpu (stripped, 1.73 million .symtab entries),
   * is 57.6 MiB; 256 MiB leaves room for modules built with more debug data while the parse
   * threads of a worker, each holding one buffer, stay inside a default-sized heap.
   */
  static final int MAX_CONTENT_BYTES = 256 << 20;

  /**
   * Memory the xz decoder may allocate, in KiB: a dictionary as large as the content cap (a larger
   * one could only matter for content over the cap) plus the decoder's own state. The kernel
   * compresses modules with a 1 MiB dictionary, "xz -9" uses 64 MiB. Beyond it: "xz: Cannot
   * allocate memory" (a documented deviation: liblzma without a limit would try).
   */
  static final int MAX_XZ_MEMORY_KIB = (MAX_CONTENT_BYTES >> 10) + (8 << 10);
}
