package dev.beamdepmod.transforms;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import dev.beamdepmod.config.ConfigFile;
import dev.beamdepmod.config.DepmodConfig;
import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.diagnostics.Console;
import dev.beamdepmod.resolve.DepmodResult;
import dev.beamdepmod.resolve.DepmodSettings;
import dev.beamdepmod.resolve.KernelSymbols;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.Test;

/** Kernel specs and resolutions come out of their Avro coders as they went in. */
public class KernelRecordsTest {
  private static Console console() {
    Console c = new Console(2);
    c.accept(DepmodMessage.info("a note"));
    c.accept(DepmodMessage.beamDepmodError("caf\u00e9 \u00ff"));
    c.print("kernel/a.ko: kernel/b.ko\n\u00e9");
    c.fail();
    return c;
  }

  private static void assertSameConsole(Console want, Console got) {
    assertEquals(want.lines(), got.lines());
    assertArrayEquals(want.stdout(), got.stdout());
    assertEquals(want.exitStatus(), got.exitStatus());
    want.accept(DepmodMessage.info("shown at -vv"));
    got.accept(DepmodMessage.info("shown at -vv"));
    assertEquals("the verbosity came along", want.lines(), got.lines());
  }

  private static KernelSpec spec() {
    KernelSymbols symbols = KernelSymbols.parseSymvers(
        "Module.symvers", "0x1234\tprintk\tvmlinux\tEXPORT_SYMBOL\nzz\tbad\tvmlinux\n".getBytes(ISO_8859_1), '_');
    DepmodSettings settings = new DepmodSettings('_', 2, true, symbols, true, false);
    DepmodConfig config = DepmodConfig.parse("1.0", List.of(ConfigFile.of("/d/a.conf",
        "search extra built-in external\noverride m * extra\nexternal * /ext\nexclude weird\nbogus\n"
            .getBytes(ISO_8859_1))));
    return new KernelSpec("1.0", "/lib/modules/1.0", null, "/out/1.0/", "/out/1.0", settings, config, console(), true,
        DepmodMessage.fatal("could not create directory /out: Not a directory"));
  }

  @Test
  public void aSpecWithEveryFieldSetRoundTrips() throws Exception {
    KernelSpec want = spec();
    KernelSpec got = CoderUtils.clone(KernelRecords.specCoder(), want);
    assertEquals(want.kernel(), got.kernel());
    assertEquals(want.dirname(), got.dirname());
    assertNull(got.inputDir());
    assertEquals(want.outputDir(), got.outputDir());
    assertEquals(want.outputDirName(), got.outputDirName());
    assertEquals(want.settings(), got.settings());
    assertEquals(want.config(), got.config());
    assertEquals(want.snapshot(), got.snapshot());
    assertEquals(want.outputFailure(), got.outputFailure());
    assertSameConsole(want.console(), got.console());
  }

  @Test
  public void aResolutionRoundTripsWithItsFilesInOrder() throws Exception {
    LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
    files.put("modules.dep", "a.ko:\n".getBytes(ISO_8859_1));
    files.put("modules.alias", new byte[] {0, (byte) 0xff});
    DepmodResult result = new DepmodResult(console(), files, new DepmodResult.Stats(1, 2, 3, 4, 5));
    KernelResolution want = new KernelResolution(spec(), result, new byte[] {1, 2, 3});
    KernelResolution got = CoderUtils.clone(KernelRecords.resolutionCoder(), want);
    assertEquals(want.spec().settings(), got.spec().settings());
    assertEquals(List.copyOf(files.keySet()), List.copyOf(got.result().files().keySet()));
    for (String name : files.keySet()) assertArrayEquals(name, files.get(name), got.result().files().get(name));
    assertEquals(result.stats(), got.result().stats());
    assertSameConsole(result.console(), got.result().console());
    assertArrayEquals(want.snapshot(), got.snapshot());

    KernelResolution none = new KernelResolution(
        KernelSpec.discovered("k", "/in", "/in", "/out", "/out", new DepmodSettings((char) 0, 0, false, null, false, true),
            new Console(0)),
        new DepmodResult(new Console(0), new LinkedHashMap<>(), new DepmodResult.Stats(0, 0, 0, 0, 0)), null);
    KernelResolution back = CoderUtils.clone(KernelRecords.resolutionCoder(), none);
    assertNull(back.snapshot());
    assertNull(back.spec().config());
    assertNull(back.spec().settings().kernelSymbols());
    assertNull(back.spec().outputFailure());
  }
}
