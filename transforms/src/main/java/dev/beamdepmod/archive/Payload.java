package dev.beamdepmod.archive;

import java.io.InputStream;

/** Where a package keeps its files: an archive of some format in some compression. */
record Payload(Format format, Codec codec, InputStream stream) {
  enum Format { TAR, CPIO }
}
