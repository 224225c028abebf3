package dev.beamdepmod.module;

/**
 * The memory a module may take, so that a hostile or broken file cannot exhaust a worker that reads
 * many modules in parallel. kmod has no such bounds (it mallocs whatever a header claims). These are
 * budgets, not models of real modules: every other bound of the reader follows from them and from
 * the file's own structure (a section lies inside the file, a table holds its section's size divided
 * by its entry size), so any module that fits the budgets is read whatever its shape. A module over
 * a budget is rejected with "File too large" (EFBIG).
 */
final class Limits {
  private Limits() {}

  /**
   * Most bytes of one module file held at once: the decompressed content, a compressed file that its
   * decoder takes whole (zstd, gzip, and xz through liblzma), or the sections read from an
   * uncompressed file (section headers and names, and the five sections depmod looks up). Every
   * offset, size and entry count the reader computes then fits an int. The largest real module
   * (riscv64 amdgpu with its local symbols) decompresses to 58 MiB.
   */
  static final int MAX_CONTENT_BYTES = 256 << 20;

  /**
   * Most heap the record of one module may take (exports, imports, modinfo, namespaces), estimated
   * as it is built ({@link RecordBudget}). A string list costs its record far more per input byte
   * than it takes in the file (a 2-byte modinfo string becomes two objects), so the content budget
   * alone would not bound it. Real records take a few MiB.
   */
  static final long MAX_RECORD_BYTES = 256L << 20;

  /**
   * Dictionary memory the xz decoder may allocate, in KiB. LZMA2 refers back only into content
   * already decoded, so no dictionary beyond {@link #MAX_CONTENT_BYTES} can be of use: the limit is
   * one of that size plus the decoders' own state. Beyond it: "xz: Cannot allocate memory" (kmod's
   * liblzma has no limit; the kernel compresses modules with a 1 MiB dictionary, "xz -9" uses 64 MiB).
   */
  static final int MAX_XZ_MEMORY_KIB = (MAX_CONTENT_BYTES >> 10) + 1024;
}
