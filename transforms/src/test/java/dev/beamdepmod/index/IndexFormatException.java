package dev.beamdepmod.index;

/** An index file that is not what depmod writes: where in the file, and what is wrong there. */
public final class IndexFormatException extends Exception {
  private final int offset;

  IndexFormatException(int offset, String reason) {
    super(String.format("offset 0x%x: %s", offset, reason));
    this.offset = offset;
  }

  /** The file offset the problem was found at. */
  public int offset() {
    return offset;
  }
}
