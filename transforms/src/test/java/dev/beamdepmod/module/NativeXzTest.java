package dev.beamdepmod.module;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assume.assumeNotNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.Test;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/** liblzma's results equal xz-java's, and anything liblzma does not decode goes back to xz-java. */
public class NativeXzTest {
  private static final Path MODULES = Path.of("..", "fixtures", "modules");
  private static final long MEMLIMIT = 96L << 20;

  private static byte[] fixture(String name) throws IOException {
    return Files.readAllBytes(MODULES.resolve(name));
  }

  private static byte[] xzJava(byte[] xz) throws IOException {
    try (InputStream in = new XZInputStream(new ByteArrayInputStream(xz))) {
      return in.readAllBytes();
    }
  }

  private static byte[] xz(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XZOutputStream xz = new XZOutputStream(out, new LZMA2Options(6))) {
      xz.write(content);
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  @Test
  public void theIndexGivesTheDecodedSizeOfOnePlainStream() throws IOException {
    for (String name : new String[] {"fx_chain_a.ko.xz", "fx_chain_b.ko.xz", "fx_chain_c.ko.xz"}) {
      byte[] xz = fixture(name);
      assertEquals(name, xzJava(xz).length, XzIndex.uncompressedSize(xz));
      assertEquals(name, xzJava(xz).length, XzIndex.uncompressedSize(concat(xz, new byte[8])));
    }
    byte[] two = concat(xz("one".getBytes()), xz("two!".getBytes()));
    assertEquals(-1, XzIndex.uncompressedSize(two));
    byte[] cut = fixture("fx_chain_a.ko.xz");
    assertEquals(-1, XzIndex.uncompressedSize(Arrays.copyOf(cut, cut.length - 1)));
    assertEquals(-1, XzIndex.uncompressedSize(new byte[30]));
  }

  @Test
  public void liblzmaDecodesWhatXzJavaDecodes() throws IOException {
    byte[] probe = NativeXz.decode(fixture("fx_chain_a.ko.xz"), Integer.MAX_VALUE, MEMLIMIT);
    assumeNotNull(probe);  // no liblzma on this host: xz-java does everything
    for (String name : new String[] {"fx_chain_a.ko.xz", "fx_chain_b.ko.xz", "fx_chain_c.ko.xz"}) {
      byte[] xz = fixture(name);
      assertArrayEquals(name, xzJava(xz), NativeXz.decode(xz, Integer.MAX_VALUE, MEMLIMIT));
      try (InputStream in = NativeXz.stream(new ByteArrayInputStream(concat(xz, xz)), MEMLIMIT)) {
        assertArrayEquals(name, concat(xzJava(xz), xzJava(xz)), in.readAllBytes());
      }
    }
  }

  @Test
  public void whatLiblzmaDoesNotDecodeIsLeftToXzJava() throws IOException {
    byte[] xz = fixture("fx_chain_a.ko.xz");
    assumeNotNull(NativeXz.decode(xz, Integer.MAX_VALUE, MEMLIMIT));
    int size = xzJava(xz).length;
    assertNull("over the limit", NativeXz.decode(xz, size - 1, MEMLIMIT));
    assertNull("memory limit", NativeXz.decode(xz, size, 1024));
    byte[] flipped = xz.clone();
    flipped[flipped.length / 2] ^= 0x55;
    assertNull("corrupt", NativeXz.decode(flipped, size, MEMLIMIT));
    assertNull("two streams", NativeXz.decode(concat(xz, xz), 2 * size, MEMLIMIT));
    assertNotNull(NativeXz.decode(xz, size, MEMLIMIT));
  }

  @Test
  public void aBrokenStreamFailsWithLiblzmasReason() throws IOException {
    byte[] xz = fixture("fx_chain_a.ko.xz");
    assumeNotNull(NativeXz.stream(new ByteArrayInputStream(xz), MEMLIMIT));
    byte[] flipped = xz.clone();
    flipped[flipped.length / 2] ^= 0x55;
    assertEquals("xz: Compressed data is corrupt", failure(flipped, MEMLIMIT));
    assertEquals("xz: Unexpected end of input", failure(Arrays.copyOf(xz, xz.length - 20), MEMLIMIT));
    assertEquals("xz: File format not recognized", failure("not xz at all".getBytes(), MEMLIMIT));
    assertEquals("xz: the data needs more memory than the limit of 1 KiB", failure(xz, 1024));
  }

  private static String failure(byte[] xz, long memlimit) {
    return assertThrows(IOException.class, () -> {
      try (InputStream in = NativeXz.stream(new ByteArrayInputStream(xz), memlimit)) {
        in.readAllBytes();
      }
    }).getMessage();
  }
}
