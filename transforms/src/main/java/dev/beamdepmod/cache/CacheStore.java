package dev.beamdepmod.cache;

import java.io.IOException;

/** Named byte strings below one cache location. */
public interface CacheStore {
  /** @return the content, or null when there is no such entry */
  byte[] read(String name) throws IOException;

  /** Stores the content under the name whole or not at all: a reader never sees a partial entry. */
  void write(String name, byte[] content) throws IOException;

  /** The location, as messages name it. */
  String location();
}
