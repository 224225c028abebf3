package dev.beamdepmod.jobs.local;

import dev.beamdepmod.discovery.DirectorySource;
import dev.beamdepmod.discovery.DiscoveredModule;
import dev.beamdepmod.schema.ModuleFile;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The local disk as depmod's discovery reads it. Entries come in readdir order (java.nio's
 * DirectoryStream returns it on Linux); every path is opened whole from {@link LocalFs}.
 */
public final class LocalDirectory implements DirectorySource {
  private final LocalFs fs;

  public LocalDirectory(LocalFs fs) {
    this.fs = fs;
  }

  @Override
  public Listing open(String path) throws IOException {
    return listing(Files.newDirectoryStream(fs.userPath(path)));
  }

  @Override
  public Stat stat(String path) throws IOException {
    return FileTypes.stat(fs.userPath(path));
  }

  /** The files for the pipeline to read, at their absolute local paths. */
  public List<ModuleFile> moduleFiles(String kernel, List<DiscoveredModule> modules) {
    List<ModuleFile> files = new ArrayList<>(modules.size());
    for (DiscoveredModule m : modules) {
      files.add(new ModuleFile(kernel, fs.location(m.path()), m.path(), m.relpath()));
    }
    return files;
  }

  private static Listing listing(DirectoryStream<Path> stream) {
    return new Listing() {
      @Override
      public Iterator<Entry> iterator() {
        Iterator<Path> it = stream.iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            try {
              return it.hasNext();
            } catch (DirectoryIteratorException e) {
              return false;
            }
          }

          @Override
          public Entry next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return new LocalEntry(it.next());
          }
        };
      }

      @Override
      public void close() throws IOException {
        stream.close();
      }
    };
  }

  private record LocalEntry(Path path) implements Entry {
    @Override
    public String name() {
      return LocalFs.name(path);
    }

    @Override
    public int listedType() {
      try {
        return FileTypes.stat(path, LinkOption.NOFOLLOW_LINKS).type();
      } catch (IOException e) {
        return 0;
      }
    }

    @Override
    public Stat stat() throws IOException {
      return FileTypes.stat(path);
    }

    @Override
    public Listing open() throws IOException {
      return listing(Files.newDirectoryStream(path));
    }
  }
}
