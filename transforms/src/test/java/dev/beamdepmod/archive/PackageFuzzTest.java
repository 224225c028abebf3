package dev.beamdepmod.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

/**
 * Fuzz target of the package readers (.deb, RPM, tarballs, each compression): any bytes are read or
 * refused with a {@link PackageFormatException} naming the package. Whatever is delivered has a safe
 * relative path, arrives once, and yields exactly its declared size; whatever is skipped says why.
 */
class PackageFuzzTest {
  private static final String NAME = "fuzz.pkg";
  /** Small limits keep every input quick while still reaching every limit check. */
  private static final ArchiveLimits LIMITS = new ArchiveLimits(1 << 20, 8 << 20, 2000);

  @FuzzTest
  void entries(byte[] pkg) throws IOException {
    Set<String> delivered = new HashSet<>();
    try {
      PackageReader.entries(NAME, new ByteArrayInputStream(pkg), LIMITS, new EntryVisitor() {
        @Override
        public void file(String path, long size, InputStream content) throws IOException {
          assertFalse(path.isEmpty() || path.startsWith("/") || path.indexOf('\0') >= 0, path);
          for (String component : path.split("/", -1)) {
            assertFalse(component.isEmpty() || component.equals(".") || component.equals(".."), path);
          }
          assertTrue(delivered.add(path), "delivered twice: " + path);
          assertTrue(size >= 0 && size <= LIMITS.maxEntrySize(), path);
          // Read half, leave the rest to be skipped, as a visitor may.
          long read = content.skip(size / 2);
          byte[] rest = content.readAllBytes();
          assertEquals(size, read + rest.length, path);
        }

        @Override
        public void skipped(SkippedEntry entry) {
          assertTrue(entry.message().startsWith(NAME + ": "), entry.message());
        }
      });
    } catch (PackageFormatException e) {
      assertTrue(e.getMessage().startsWith(NAME + ": "), e.getMessage());
    }
  }
}
