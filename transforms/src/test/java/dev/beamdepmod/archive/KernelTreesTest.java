package dev.beamdepmod.archive;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import dev.beamdepmod.archive.KernelTrees.KernelPackage;
import dev.beamdepmod.archive.TestPackages.Entry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;

/** The bundled example packages and the fixture RPM, read into kernel trees. */
public class KernelTreesTest {
  private static final Path MATRIX = Path.of("../examples/matrix");
  private static final Path MODULES = Path.of("../fixtures/modules");

  private static KernelPackage read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return KernelTrees.read(file.getFileName().toString(), in);
    }
  }

  private static List<String> relpaths(KernelTree tree) {
    return tree.files().stream().map(KernelTree.TreeFile::relpath).toList();
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  @Test
  public void tarballOfALibModulesTree() throws IOException {
    KernelPackage pkg = read(MATRIX.resolve("linux-modules-6.1.0-fx2-amd64.tar.gz"));
    assertEquals(1, pkg.trees().size());
    KernelTree tree = pkg.trees().get(0);
    assertEquals("lib/modules", tree.moddir());
    assertEquals("6.1.0-fx2-amd64", tree.version());
    assertThat(relpaths(tree), contains(
        "kernel/fx/fx_core.ko",
        "kernel/fx/fx_softdep.ko",
        "kernel/fx/fx_weak.ko",
        "kernel/lib/fx_chain_a.ko",
        "kernel/lib/fx_chain_b.ko",
        "kernel/lib/fx_chain_c.ko",
        "updates/fx_chain_c.ko"));
    assertArrayEquals(Files.readAllBytes(MODULES.resolve("fx_core.ko")), tree.files().get(0).bytes());
    assertArrayEquals(Files.readAllBytes(MODULES.resolve("fx_chain_c.ko")), tree.files().get(6).bytes());
    assertEquals("kernel/fx/fx_core.ko\nkernel/fx/fx_weak.ko\nkernel/fx/fx_softdep.ko\n"
        + "kernel/lib/fx_chain_c.ko\nkernel/lib/fx_chain_b.ko\nkernel/lib/fx_chain_a.ko\n",
        text(tree.sideFile(KernelTree.MODULES_ORDER)));
    assertEquals(0, tree.sideFile(KernelTree.MODULES_BUILTIN).length);
    assertEquals(0, tree.sideFile(KernelTree.MODULES_BUILTIN_MODINFO).length);
    assertThat(pkg.messages(), empty());
  }

  @Test
  public void debianPackageOfAUsrLibModulesTreeKeepsModulesCompressed() throws IOException {
    KernelPackage pkg = read(MATRIX.resolve("linux-modules-6.12.0-fx3-amd64_6.12.0-1_amd64.deb"));
    assertEquals(1, pkg.trees().size());
    KernelTree tree = pkg.trees().get(0);
    assertEquals("usr/lib/modules", tree.moddir());
    assertEquals("6.12.0-fx3-amd64", tree.version());
    assertThat(relpaths(tree), contains(
        "kernel/drivers/fx_blkdev.ko.xz",
        "kernel/drivers/fx_devname.ko.xz",
        "kernel/fx/fx-user.ko.xz",
        "kernel/fx/fx_core.ko.xz",
        "kernel/lib/fx_chain_a.ko.xz",
        "kernel/lib/fx_chain_b.ko.xz",
        "kernel/lib/fx_chain_c.ko.xz"));
    assertArrayEquals(Files.readAllBytes(MODULES.resolve("fx_chain_a.ko.xz")), tree.files().get(4).bytes());
    assertEquals("kernel/fx/fx_core.ko\nkernel/fx/fx-user.ko\nkernel/lib/fx_chain_c.ko\nkernel/lib/fx_chain_b.ko\n"
        + "kernel/lib/fx_chain_a.ko\nkernel/drivers/fx_devname.ko\nkernel/drivers/fx_blkdev.ko\n",
        text(tree.sideFile(KernelTree.MODULES_ORDER)));
    assertEquals("kernel/fs/fxfs/fxfs.ko\n", text(tree.sideFile(KernelTree.MODULES_BUILTIN)));
    assertEquals("fxfs.alias=fs-fxfs\0", text(tree.sideFile(KernelTree.MODULES_BUILTIN_MODINFO)));
    assertThat(pkg.messages(), empty());
  }

  @Test
  public void rpmWithBuildAndSourceLinksSaysNothingAboutThem() throws IOException {
    KernelPackage pkg = read(Path.of("../fixtures/packages/kernel-modules-6.8.0-fx4.x86_64.rpm"));
    assertEquals(1, pkg.trees().size());
    KernelTree tree = pkg.trees().get(0);
    assertEquals("usr/lib/modules", tree.moddir());
    assertEquals("6.8.0-fx4-x86_64", tree.version());
    assertThat(relpaths(tree), contains(
        "kernel/fx/fx-user.ko",
        "kernel/fx/fx_core.ko",
        "kernel/lib/fx_chain_a.ko.zst",
        "kernel/lib/fx_chain_b.ko.zst",
        "kernel/lib/fx_chain_c.ko.zst"));
    assertArrayEquals(Files.readAllBytes(MODULES.resolve("fx-user.ko")), tree.files().get(0).bytes());
    assertArrayEquals(Files.readAllBytes(MODULES.resolve("fx_chain_b.ko.zst")), tree.files().get(3).bytes());
    assertEquals("kernel/fs/ext4/ext4.ko\n", text(tree.sideFile(KernelTree.MODULES_BUILTIN)));
    assertEquals("ext4.license=GPL\0", text(tree.sideFile(KernelTree.MODULES_BUILTIN_MODINFO)));
    assertThat(pkg.messages(), empty());
  }

  @Test
  public void severalTreesInOrderOfAppearanceAndOnlyTheirFiles() throws IOException {
    byte[] tar = TestPackages.tar(
        Entry.file("boot/vmlinuz-2", "kernel image"),
        Entry.file("usr/lib/modules/2/kernel/b.ko", "B"),
        Entry.file("lib/modules/1/kernel/a.ko", "A"),
        Entry.file("lib/modules/1/modules.dep", "not depmod's input"),
        Entry.file("lib/modules/1/kernel/modules.order", "not at the top of the tree"),
        Entry.symlink("lib/modules/1/build", "/usr/src/linux-headers-1"),
        Entry.symlink("lib/modules/1/kernel/x.ko", "../../elsewhere/x.ko"),
        Entry.file("lib/modules/2/kernel/c.ko", "C"),
        Entry.file("lib/modules/1/modules.order", "kernel/a.ko\n"),
        Entry.file("lib/modules/stray.ko", "not in a version directory"));
    KernelPackage pkg = KernelTrees.read("several.tar", new ByteArrayInputStream(tar));
    assertThat(pkg.trees().stream().map(t -> t.moddir() + " " + t.version()).toList(),
        contains("usr/lib/modules 2", "lib/modules 1", "lib/modules 2"));
    KernelTree one = pkg.trees().get(1);
    assertThat(relpaths(one), contains("kernel/a.ko", "modules.dep", "kernel/modules.order"));
    assertEquals("kernel/a.ko\n", text(one.sideFile(KernelTree.MODULES_ORDER)));
    assertNull(one.sideFile(KernelTree.MODULES_BUILTIN));
    assertThat(pkg.messages(), contains("several.tar: lib/modules/1/kernel/x.ko: symbolic link, not followed"));
  }
}
