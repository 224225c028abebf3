package dev.beamdepmod.module;

/** depmod's module name of a file (docs/depmod-rules.md §5.5). */
public final class ModuleName {
  /** kmod builds names in a PATH_MAX buffer. */
  private static final int MAX_LENGTH = 4095;

  private ModuleName() {}

  /**
   * The file name (after the last '/') up to its first '.', with every '-' replaced by '_',
   * truncated to 4095 bytes.
   */
  public static String of(String path) {
    int start = path.lastIndexOf('/') + 1;
    int end = path.indexOf('.', start);
    if (end < 0) {
      end = path.length();
    }
    end = Math.min(end, start + MAX_LENGTH);
    return path.substring(start, end).replace('-', '_');
  }
}
