package dev.beamdepmod.transforms;

import dev.beamdepmod.cache.CacheStore;
import dev.beamdepmod.module.Errno;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.List;
import java.util.UUID;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * The module cache's entries as files below a Beam FileSystems location. An entry is written to a
 * temporary name beside it (its name, a random UUID, ".tmp") and renamed into place, so concurrent
 * runs sharing the location see an entry whole or not at all; two runs storing the same entry
 * store the same bytes.
 */
final class FileSystemsCacheStore implements CacheStore {
  private final String location;

  FileSystemsCacheStore(String location) {
    this.location = location;
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public byte[] read(String name) throws IOException {
    try (InputStream in = Channels.newInputStream(FileSystems.open(resolve(name)))) {
      return in.readAllBytes();
    } catch (FileNotFoundException e) {
      // no entry, or no directory where one would be (a location that was never written to)
      String why = Errno.strerror(e);
      if (why.equals(Errno.ENOENT.text()) || why.equals("Not a directory")) return null;
      throw e;
    }
  }

  @Override
  public void write(String name, byte[] content) throws IOException {
    ResourceId target = resolve(name);
    ResourceId temp = target.getCurrentDirectory()
        .resolve(target.getFilename() + "." + UUID.randomUUID() + ".tmp", StandardResolveOptions.RESOLVE_FILE);
    try {
      try (OutputStream out = Channels.newOutputStream(FileSystems.create(temp, "application/octet-stream"))) {
        out.write(content);
      }
      FileSystems.rename(List.of(temp), List.of(target));
    } catch (IOException e) {
      try {
        FileSystems.delete(List.of(temp), StandardMoveOptions.IGNORE_MISSING_FILES);
      } catch (IOException again) {
        e.addSuppressed(again);
      }
      throw e;
    }
  }

  /** A name's slash-separated components, one resolve each (some file systems take no slash in one). */
  private ResourceId resolve(String name) {
    ResourceId id = FileSystems.matchNewResource(location, true);
    String[] parts = name.split("/");
    for (int i = 0; i < parts.length - 1; i++) id = id.resolve(parts[i], StandardResolveOptions.RESOLVE_DIRECTORY);
    return id.resolve(parts[parts.length - 1], StandardResolveOptions.RESOLVE_FILE);
  }
}
