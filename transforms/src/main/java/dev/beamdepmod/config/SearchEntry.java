package dev.beamdepmod.config;

import java.io.Serializable;

/** One token of a {@code search} line. */
public record SearchEntry(Kind kind, String path) implements Serializable {
  public enum Kind {
    BUILT_IN,
    EXTERNAL,
    PATH
  }

  static SearchEntry of(String token) {
    switch (token) {
      case "built-in":
        return new SearchEntry(Kind.BUILT_IN, null);
      case "external":
        return new SearchEntry(Kind.EXTERNAL, null);
      default:
        return new SearchEntry(Kind.PATH, token);
    }
  }
}
