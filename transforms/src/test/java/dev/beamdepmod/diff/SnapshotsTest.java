package dev.beamdepmod.diff;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;

import dev.beamdepmod.resolve.FileContent;
import dev.beamdepmod.resolve.KernelInputs;
import dev.beamdepmod.schema.KernelSnapshot;
import dev.beamdepmod.schema.SnapshotModule;
import dev.beamdepmod.schema.SnapshotParam;
import dev.beamdepmod.schema.SnapshotSymbol;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.Test;

/** What a snapshot holds, and its Avro file. */
public class SnapshotsTest {
  private static SnapshotModule module(KernelSnapshot s, String name) {
    return s.getModules().stream().filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
  }

  private static List<String> names(KernelSnapshot s) {
    return s.getModules().stream().map(m -> m.getName() + (m.getBuiltin() ? " (built-in)" : ""))
        .collect(Collectors.toList());
  }

  @Test
  public void loadableModulesInModuleOrderThenBuiltInOnes() {
    KernelSnapshot s = FixtureDiffTest.base();
    assertEquals("1.0", s.getKernel());
    assertFalse(s.getKernelSymbolsKnown());
    assertEquals(List.of("fx_core", "fx_user", "fx_weak", "fx_devname", "fx_softdep", "fx_lonely", "fx_chain_a",
        "fx_chain_b", "fx_chain_c", "fx_signed", "fx_cyc_a", "fx_prefix", "fx_prefix_user", "fx_twin1", "fx_twin2",
        "fx_stale", "fx_blkdev (built-in)", "fx_bi (built-in)"), names(s));
  }

  @Test
  public void aLoadableModuleHasItsOwnedSymbolsDependenciesAndModinfoFacts() {
    KernelSnapshot s = FixtureDiffTest.base();
    SnapshotModule core = module(s, "fx_core");
    assertEquals("kernel/fx/fx_core.ko", core.getPath());
    assertEquals(List.of(new SnapshotSymbol("fx_core_fn", 0x94e88d9L, null),
        new SnapshotSymbol("fx_core_gpl_fn", 0x62749fb2L, null),
        new SnapshotSymbol("fx_core_ns_fn", 0x61167c4L, "FX_NS"),
        new SnapshotSymbol("fx_weak_target", 0xdba35acfL, null)), core.getExports());
    assertEquals(List.of("fx-core-alias"), core.getAliases());
    assertEquals(List.of("fx/core.fw"), core.getFirmware());
    assertEquals(List.of(new SnapshotParam("fx_level", "int")), core.getParams());
    assertEquals(List.of("fx_core"), module(s, "fx_user").getDepends());
    SnapshotModule softdep = module(s, "fx_softdep");
    assertEquals(List.of("pre: fx-user", "pre: fx_core post: fx_alias"), softdep.getSoftdeps());
    assertEquals(List.of("fx_blkdev", "fx_devname"), softdep.getWeakdeps());
    // twin2 is later in module order, so it owns the shared symbol
    assertEquals(List.of(), module(s, "fx_twin1").getExports());
    assertEquals(List.of("fx_twin_fn"), module(s, "fx_twin2").getExports().stream().map(SnapshotSymbol::getName).toList());
    SnapshotModule stale = module(s, "fx_stale");
    assertEquals(List.of("fx_core", "fx_twin2"), stale.getDepends());
    assertEquals(List.of("fx_nowhere_fn"),
        stale.getUnresolved().stream().filter(n -> n.startsWith("fx")).toList());
  }

  @Test
  public void cyclesByModuleName() {
    assertEquals(List.of(List.of("fx_cyc_a", "fx_cyc_b")), FixtureDiffTest.head().getCycles());
    assertEquals(List.of(), FixtureDiffTest.base().getCycles());
  }

  private static KernelSnapshot builtinOnly(String builtin, String modinfo) {
    KernelInputs inputs = new KernelInputs("/lib/modules/1", FileContent.missing("No such file or directory"),
        FileContent.of(builtin.getBytes(StandardCharsets.ISO_8859_1)),
        FileContent.of(modinfo.getBytes(StandardCharsets.ISO_8859_1)));
    return Snapshots.of("k", null, inputs);
  }

  @Test
  public void builtInModulesFromModulesBuiltinAndAliasesOfModulesBuiltinModinfo() {
    KernelSnapshot s = builtinOnly("kernel/fs/ext4/ext4.ko\nkernel/drivers/a-b.ko\n",
        "ext4.alias=fs-ext4\0ext4.alias=fs-ext4\0ext4.parm=dioread:desc\0a_b.firmware=x.fw\0"
            + "debugfs.alias=fs-debugfs\0printk.parmtype=time:bool\0broken\0.alias=x\0noequals.alias\0");
    assertEquals(List.of("ext4 (built-in)", "a_b (built-in)", "debugfs (built-in)"), names(s));
    SnapshotModule ext4 = module(s, "ext4");
    assertEquals("kernel/fs/ext4/ext4.ko", ext4.getPath());
    assertEquals(List.of("fs-ext4"), ext4.getAliases());
    assertEquals(List.of(new SnapshotParam("dioread", null)), ext4.getParams());
    assertEquals(List.of("x.fw"), module(s, "a_b").getFirmware());
    assertEquals("", module(s, "debugfs").getPath());
  }

  @Test
  public void missingBuiltinFilesGiveNoBuiltInModules() {
    KernelInputs inputs = new KernelInputs("/lib/modules/1", null, null, FileContent.missing("No such file or directory"));
    assertEquals(List.of(), Snapshots.of("k", null, inputs).getModules());
  }

  @Test
  public void avroFileRoundTrip() throws IOException {
    KernelSnapshot s = FixtureDiffTest.head();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Snapshots.write(s, bytes);
    assertEquals(s, Snapshots.read(new ByteArrayInputStream(bytes.toByteArray())));
  }

  @Test
  public void aFileWithoutSnapshotIsAnError() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataFileWriter<KernelSnapshot> writer = new DataFileWriter<>(new SpecificDatumWriter<>(KernelSnapshot.class))) {
      writer.create(KernelSnapshot.getClassSchema(), bytes);
    }
    assertThrows(IOException.class, () -> Snapshots.read(new ByteArrayInputStream(bytes.toByteArray())));
    assertThrows(IOException.class, () -> Snapshots.read(new ByteArrayInputStream(new byte[] {1, 2, 3})));
  }
}
