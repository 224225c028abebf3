package dev.beamdepmod.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertEquals;

import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.module.ByteBufferSource;
import dev.beamdepmod.module.ModuleReader;
import dev.beamdepmod.resolve.DepmodSettings;
import dev.beamdepmod.schema.KernelReport;
import dev.beamdepmod.schema.KernelSideFile;
import dev.beamdepmod.schema.ModuleRecord;
import dev.beamdepmod.schema.PackageFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The bundled example packages, the fixture RPM and built tarballs, streamed by ReadPackages. */
public class ReadPackagesTest {
  private static final Path MATRIX = Path.of("../examples/matrix");
  private static final String MODULES = "../fixtures/modules/";

  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  private PCollectionTuple read(Path... packages) throws IOException {
    List<KV<Long, String>> numbered = new ArrayList<>();
    for (Path pkg : packages) numbered.add(KV.of((long) numbered.size(), pkg.toAbsolutePath().toString()));
    KernelTemplate template = new KernelTemplate(tmp.newFolder("out").toString(),
        new DepmodSettings((char) 0, 0, false, null, false, false), List.of());
    return p.apply(Create.of(numbered)).apply(new ReadPackages(template));
  }

  /** Asserts the modules of each kernel, as "path" in discovery order, and each record against the fixture it was packed from. */
  private static void assertModules(PCollectionTuple out, Map<String, List<String>> paths, Map<String, String> fixtures) {
    PAssert.that(out.get(ReadPackages.MODULES).apply(ReadModules.unbatched())).satisfies(all -> {
      Map<String, List<ModuleRecord>> byKernel = new TreeMap<>();
      for (ModuleRecord r : all) byKernel.computeIfAbsent(r.getKernel(), k -> new ArrayList<>()).add(r);
      Map<String, List<String>> seen = new TreeMap<>();
      byKernel.forEach((kernel, records) -> {
        records.sort(Comparator.comparingLong(ModuleRecord::getDiscovery));
        seen.put(kernel, records.stream().map(ModuleRecord::getPath).toList());
        for (ModuleRecord r : records) {
          String fixture = fixtures.get(r.getPath());
          if (fixture == null) continue;
          ModuleRecord expected;
          try {
            expected = ModuleReader.read(r.getPath(), ByteBufferSource.of(Files.readAllBytes(Path.of(fixture))));
          } catch (IOException e) {
            throw new AssertionError(e);
          }
          expected.setKernel(r.getKernel());
          expected.setRelpath(r.getRelpath());
          expected.setDiscovery(r.getDiscovery());
          assertEquals(r.getPath(), expected, r);
        }
      });
      assertEquals(new TreeMap<>(paths), seen);
      return null;
    });
  }

  /** Asserts the side files as "kernel name=content". */
  private static void assertSideFiles(PCollectionTuple out, String... files) {
    PAssert.that(out.get(ReadPackages.SIDE_FILES).apply("SideFileValues", Values.create())
            .apply("DescribeSideFiles", MapElements.into(TypeDescriptors.strings()).via(ReadPackagesTest::describe)))
        .containsInAnyOrder(files);
  }

  private static String describe(KernelSideFile f) {
    byte[] bytes = new byte[f.getContent().remaining()];
    f.getContent().duplicate().get(bytes);
    return f.getKernel() + " " + f.getName() + "=" + new String(bytes, StandardCharsets.ISO_8859_1);
  }

  private static void assertSpecs(PCollectionTuple out, String... kernelDirnames) {
    PAssert.that(out.get(ReadPackages.SPECS).apply("SpecValues", Values.create())
            .apply("DescribeSpecs", MapElements.into(TypeDescriptors.strings()).via(s -> s.kernel() + " " + s.dirname())))
        .containsInAnyOrder(kernelDirnames);
  }

  @Test
  public void tarballOfALibModulesTree() throws IOException {
    PCollectionTuple out = read(MATRIX.resolve("linux-modules-6.1.0-fx2-amd64.tar.gz"));
    String dir = "/lib/modules/6.1.0-fx2-amd64/";
    assertModules(out, Map.of("6.1.0-fx2-amd64", List.of(
            dir + "kernel/fx/fx_core.ko",
            dir + "kernel/fx/fx_softdep.ko",
            dir + "kernel/fx/fx_weak.ko",
            dir + "kernel/lib/fx_chain_a.ko",
            dir + "kernel/lib/fx_chain_b.ko",
            dir + "kernel/lib/fx_chain_c.ko",
            dir + "updates/fx_chain_c.ko")),
        Map.of(dir + "kernel/fx/fx_core.ko", MODULES + ("fx_core.ko"),
            dir + "updates/fx_chain_c.ko", MODULES + ("fx_chain_c.ko")));
    assertSideFiles(out,
        "6.1.0-fx2-amd64 modules.order=kernel/fx/fx_core.ko\nkernel/fx/fx_weak.ko\nkernel/fx/fx_softdep.ko\n"
            + "kernel/lib/fx_chain_c.ko\nkernel/lib/fx_chain_b.ko\nkernel/lib/fx_chain_a.ko\n",
        "6.1.0-fx2-amd64 modules.builtin=",
        "6.1.0-fx2-amd64 modules.builtin.modinfo=");
    assertSpecs(out, "6.1.0-fx2-amd64 /lib/modules/6.1.0-fx2-amd64");
    PAssert.that(out.get(ReadPackages.FAILURES)).empty();
    p.run();
  }

  @Test
  public void debianPackageOfAUsrLibModulesTreeWithCompressedModules() throws IOException {
    PCollectionTuple out = read(MATRIX.resolve("linux-modules-6.12.0-fx3-amd64_6.12.0-1_amd64.deb"));
    String dir = "/usr/lib/modules/6.12.0-fx3-amd64/";
    assertModules(out, Map.of("6.12.0-fx3-amd64", List.of(
            dir + "kernel/drivers/fx_blkdev.ko.xz",
            dir + "kernel/drivers/fx_devname.ko.xz",
            dir + "kernel/fx/fx-user.ko.xz",
            dir + "kernel/fx/fx_core.ko.xz",
            dir + "kernel/lib/fx_chain_a.ko.xz",
            dir + "kernel/lib/fx_chain_b.ko.xz",
            dir + "kernel/lib/fx_chain_c.ko.xz")),
        Map.of(dir + "kernel/lib/fx_chain_a.ko.xz", MODULES + ("fx_chain_a.ko.xz")));
    assertSideFiles(out,
        "6.12.0-fx3-amd64 modules.order=kernel/fx/fx_core.ko\nkernel/fx/fx-user.ko\nkernel/lib/fx_chain_c.ko\n"
            + "kernel/lib/fx_chain_b.ko\nkernel/lib/fx_chain_a.ko\nkernel/drivers/fx_devname.ko\nkernel/drivers/fx_blkdev.ko\n",
        "6.12.0-fx3-amd64 modules.builtin=kernel/fs/fxfs/fxfs.ko\n",
        "6.12.0-fx3-amd64 modules.builtin.modinfo=fxfs.alias=fs-fxfs\0");
    assertSpecs(out, "6.12.0-fx3-amd64 /usr/lib/modules/6.12.0-fx3-amd64");
    PAssert.that(out.get(ReadPackages.FAILURES)).empty();
    p.run();
  }

  @Test
  public void rpmWithBuildAndSourceLinksReadsOnlyItsFiles() throws IOException {
    PCollectionTuple out = read(Path.of("../fixtures/packages/kernel-modules-6.8.0-fx4.x86_64.rpm"));
    String dir = "/usr/lib/modules/6.8.0-fx4-x86_64/";
    assertModules(out, Map.of("6.8.0-fx4-x86_64", List.of(
            dir + "kernel/fx/fx-user.ko",
            dir + "kernel/fx/fx_core.ko",
            dir + "kernel/lib/fx_chain_a.ko.zst",
            dir + "kernel/lib/fx_chain_b.ko.zst",
            dir + "kernel/lib/fx_chain_c.ko.zst")),
        Map.of(dir + "kernel/fx/fx-user.ko", MODULES + ("fx-user.ko"),
            dir + "kernel/lib/fx_chain_b.ko.zst", MODULES + ("fx_chain_b.ko.zst")));
    assertSideFiles(out,
        "6.8.0-fx4-x86_64 modules.order=kernel/fx/fx_core.ko\nkernel/fx/fx-user.ko\nkernel/lib/fx_chain_c.ko\n"
            + "kernel/lib/fx_chain_b.ko\nkernel/lib/fx_chain_a.ko\n",
        "6.8.0-fx4-x86_64 modules.builtin=kernel/fs/ext4/ext4.ko\n",
        "6.8.0-fx4-x86_64 modules.builtin.modinfo=ext4.license=GPL\0");
    PAssert.that(out.get(ReadPackages.FAILURES)).empty();
    p.run();
  }

  /** Links are never followed, files outside a version directory are not the tree's, side files count only at its top. */
  @Test
  public void severalTreesAndOnlyTheirModulesAndSideFiles() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      file(tar, "boot/vmlinuz-2", "kernel image");
      file(tar, "usr/lib/modules/2/kernel/b.ko", "B");
      file(tar, "lib/modules/1/kernel/a.ko", "A");
      file(tar, "lib/modules/1/modules.dep", "not depmod's input");
      file(tar, "lib/modules/1/kernel/modules.order", "not at the top of the tree");
      link(tar, "lib/modules/1/build", "/usr/src/linux-headers-1");
      link(tar, "lib/modules/1/kernel/x.ko", "../../elsewhere/x.ko");
      file(tar, "lib/modules/2/kernel/c.ko", "C");
      file(tar, "lib/modules/1/modules.order", "kernel/a.ko\n");
      file(tar, "lib/modules/stray.ko", "not in a version directory");
    }
    Path pkg = tmp.newFile("several.tar").toPath();
    Files.write(pkg, bytes.toByteArray());
    PCollectionTuple out = read(pkg);
    assertModules(out, Map.of(
        "1", List.of("/lib/modules/1/kernel/a.ko"),
        "2", List.of("/usr/lib/modules/2/kernel/b.ko", "/lib/modules/2/kernel/c.ko")), Map.of());
    assertSideFiles(out, "1 modules.order=kernel/a.ko\n");
    assertSpecs(out, "2 /usr/lib/modules/2", "1 /lib/modules/1");
    PAssert.that(out.get(ReadPackages.FAILURES)).empty();
    p.run();
  }

  /** A package cut short fails alone, and every kernel it held part of is marked as not to be written. */
  @Test
  public void aTruncatedPackageIsReportedAndItsKernelsMarked() throws IOException {
    byte[] deb = Files.readAllBytes(MATRIX.resolve("linux-modules-6.12.0-fx3-amd64_6.12.0-1_amd64.deb"));
    Path cut = tmp.newFile("cut.deb").toPath();
    Files.write(cut, java.util.Arrays.copyOf(deb, deb.length - 100));
    PCollectionTuple out = read(cut, MATRIX.resolve("linux-modules-6.1.0-fx2-amd64.tar.gz"));
    String location = cut.toAbsolutePath().toString();
    PAssert.that(out.get(ReadPackages.FAILURES)).satisfies(reports -> {
      List<KernelReport> all = new ArrayList<>();
      reports.forEach(all::add);
      assertEquals(1, all.size());
      KernelReport r = all.get(0);
      assertEquals(location, r.getKernel());
      assertEquals(1, r.getExitCode());
      assertThat(DepmodMessage.of(r.getStderr().get(0)).line(), startsWith("beam-depmod: ERROR: " + location + ": "));
      return null;
    });
    PAssert.that(out.get(ReadPackages.KERNEL_FAILURES)).satisfies(failures -> {
      List<String> failed = new ArrayList<>();
      for (KV<String, PackageFailure> f : failures) {
        assertEquals(f.getKey(), f.getValue().getKernel());
        assertThat(f.getValue().getReason(), startsWith(location + ": "));
        failed.add(f.getKey());
      }
      assertThat(failed, contains("6.12.0-fx3-amd64"));
      return null;
    });
    p.run();
  }

  private static void file(TarArchiveOutputStream tar, String name, String content) throws IOException {
    byte[] data = content.getBytes(StandardCharsets.ISO_8859_1);
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(data.length);
    tar.putArchiveEntry(e);
    tar.write(data);
    tar.closeArchiveEntry();
  }

  private static void link(TarArchiveOutputStream tar, String name, String target) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
    e.setLinkName(target);
    tar.putArchiveEntry(e);
    tar.closeArchiveEntry();
  }
}
