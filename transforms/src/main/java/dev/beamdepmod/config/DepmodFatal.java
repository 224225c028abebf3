package dev.beamdepmod.config;

/** A FATAL message: depmod prints it and exits with status 1 at once. */
public final class DepmodFatal extends Exception {
  private final DepmodMessage message;

  public DepmodFatal(String text) {
    super(text, null, false, false);
    this.message = new DepmodMessage(DepmodMessage.Level.FATAL, text);
  }

  public DepmodMessage message() {
    return message;
  }
}
