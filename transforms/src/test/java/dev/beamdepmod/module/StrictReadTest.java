package dev.beamdepmod.module;

import static dev.beamdepmod.module.ModuleRecords.PATH;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.io.IOException;
import org.junit.Test;

/** The strict entry point: a module depmod cannot load symbols from is an exception. */
public class StrictReadTest {
  @Test
  public void readableModuleIsReturned() throws ModuleReadException {
    byte[] module = new ElfBuilder(false, true).modinfo("alias=a").build();
    assertEquals(ModuleRecords.read(module), ModuleReader.readStrict(PATH, ByteBufferSource.of(module)));
  }

  @Test
  public void decodeFailureNamesFileReasonAndErrno() throws IOException {
    byte[] corrupt = CompressedModuleTest.xz(new byte[100]);
    corrupt[7] ^= 1;
    ModuleReadException e = assertThrows(ModuleReadException.class,
        () -> ModuleReader.readStrict(PATH, ByteBufferSource.of(corrupt)));
    assertEquals(PATH, e.path());
    assertEquals("xz: File is corrupt", e.reason());
    assertEquals("Invalid argument", e.strerror());
    assertEquals("failed to load symbols from " + PATH + ": Invalid argument (xz: File is corrupt)", e.getMessage());
  }

  @Test
  public void elfFailureHasTheErrnoAsReason() {
    ModuleReadException e = assertThrows(ModuleReadException.class,
        () -> ModuleReader.readStrict(PATH, ByteBufferSource.of("not an ELF file".getBytes())));
    assertEquals("Exec format error", e.reason());
    assertEquals("failed to load symbols from " + PATH + ": Exec format error", e.getMessage());
  }
}
