package dev.beamdepmod.jobs.depmod;

import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Directory entries in readdir order; a read error ends the listing, as readdir returning NULL does. */
final class Listing implements Iterable<Path> {
  private final DirectoryStream<Path> stream;

  private Listing(DirectoryStream<Path> stream) {
    this.stream = stream;
  }

  static Listing of(DirectoryStream<Path> stream) {
    return new Listing(stream);
  }

  @Override
  public Iterator<Path> iterator() {
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
      public Path next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return it.next();
      }
    };
  }
}
