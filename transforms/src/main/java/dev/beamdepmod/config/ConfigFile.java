package dev.beamdepmod.config;

import java.io.Serializable;

/**
 * One depmod.d file to parse: its path as depmod prints it, and its bytes or why it could not be
 * opened.
 */
public record ConfigFile(String path, byte[] content, String openError) implements Serializable {

  public static ConfigFile of(String path, byte[] content) {
    return new ConfigFile(path, content, null);
  }

  /** @param strerror the C library text, e.g. "Permission denied" */
  public static ConfigFile unreadable(String path, String strerror) {
    return new ConfigFile(path, null, strerror);
  }
}
