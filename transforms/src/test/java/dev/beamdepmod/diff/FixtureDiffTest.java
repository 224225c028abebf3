package dev.beamdepmod.diff;

import static org.junit.Assert.assertEquals;

import dev.beamdepmod.schema.Change;
import dev.beamdepmod.schema.ExportedSymbol;
import dev.beamdepmod.schema.KernelSnapshot;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.Test;

/**
 * Two kernels made of the fixture modules with a known change in every category (see the
 * comments of {@link #base()} and {@link #head()}).
 */
public class FixtureDiffTest {
  static KernelSnapshot base() {
    return new FixtureKernel("1.0")
        .module("kernel/fx/fx_core.ko", "fx_core.ko")
        .module("kernel/fx/fx-user.ko", "fx-user.ko")
        .module("kernel/misc/fx_weak.ko", "fx_weak.ko")
        .module("kernel/fx/fx_devname.ko", "fx_devname.ko")
        .module("kernel/fx/fx_softdep.ko", "fx_softdep.ko")
        .module("kernel/fx/fx_lonely.ko", "fx_lonely.ko")
        .module("kernel/chain/fx_chain_a.ko", "fx_chain_a.ko")
        .module("kernel/chain/fx_chain_b.ko", "fx_chain_b.ko")
        .module("kernel/chain/fx_chain_c.ko", "fx_chain_c.ko")
        .module("kernel/fx/fx_signed.ko", "fx_signed.ko")
        .module("kernel/fx/fx_cyc_a.ko", "fx_cyc_a.ko")
        .module("kernel/fx/fx_prefix.ko", "fx_prefix.ko")
        .module("kernel/fx/fx_prefix_user.ko", "fx_prefix_user.ko")
        // the last exporter in module order owns fx_twin_fn: twin2
        .module("kernel/fx/fx_twin1.ko", "fx_twin1.ko")
        .module("kernel/fx/fx_twin2.ko", "fx_twin2.ko")
        .module("kernel/fx/fx_stale.ko", "fx_stale.ko")
        .builtin("kernel/fx/fx_blkdev.ko", "kernel/fx/fx_bi.ko")
        .builtinModinfo("fx_blkdev.alias=devname:fxblk/disk0", "fx_blkdev.alias=block-major-259-7",
            "fx_blkdev.firmware=fx/blk.fw", "fx_blkdev.softdep=post: fx_alias", "fx_blkdev.weakdep=fx_core",
            "fx_blkdev.parmtype=depth:int", "fx_blkdev.parm=depth:queue depth", "fx_bi.parmtype=speed:int",
            "printk.parmtype=time:bool")
        .snapshot();
  }

  static KernelSnapshot head() {
    return new FixtureKernel("2.0")
        // as if fx_core_ns_fn had been moved into another namespace
        .module("kernel/fx/fx_core.ko", "fx_core.ko", r -> {
          for (ExportedSymbol e : r.getExports()) {
            if (e.getName().equals("fx_core_ns_fn")) {
              e.setNamespace("FX_NS_V2");
            }
          }
        })
        .module("kernel/fx/fx-user.ko", "fx-user.ko")
        .module("kernel/weak/fx_weak.ko", "fx_weak.ko")
        .module("kernel/fx/fx_blkdev.ko", "fx_blkdev.ko")
        // recompressed: no move
        .module("kernel/chain/fx_chain_a.ko.xz", "fx_chain_a.ko.xz")
        .module("kernel/chain/fx_chain_b.ko", "fx_chain_b.ko")
        .module("kernel/chain/fx_chain_c_new.ko", "fx_chain_c.ko")
        .module("kernel/fx/fx_signed.ko", "fx_signed.ko")
        .module("kernel/fx/fx_cyc_a.ko", "fx_cyc_a.ko")
        .module("kernel/fx/fx_cyc_b.ko", "fx_cyc_b.ko")
        .module("kernel/fx/fx_prefix_user.ko", "fx_prefix_user.ko")
        .module("kernel/fx/fx_twin2.ko", "fx_twin2.ko")
        .module("kernel/fx/fx_twin1.ko", "fx_twin1.ko")
        .module("kernel/fx/fx_stale.ko", "fx_stale.ko")
        .module("kernel/fx/fx_alias.ko", "fx_alias.ko")
        .module("kernel/fx/fx_nocrc.ko", "fx_nocrc.ko")
        .builtin("kernel/fx/fx_lonely.ko", "kernel/fx/fx_bi.ko")
        .builtinModinfo("fx_lonely.alias=devname:fxlonely", "fx_lonely.firmware=fx/lonely.fw",
            "fx_lonely.softdep=pre: fx_core", "fx_lonely.weakdep=fx_alias", "fx_lonely.parmtype=mode:charp",
            "fx_bi.parmtype=speed:uint", "printk.parmtype=time:int")
        .snapshot();
  }

  /** "category | module | item | old | new". */
  static List<String> text(List<Change> changes) {
    return changes.stream().map(c -> String.join(" | ", c.getCategory(), c.getModule(),
        String.valueOf(c.getItem()), String.valueOf(c.getOldValue()), String.valueOf(c.getNewValue())))
        .collect(Collectors.toList());
  }

  static final List<String> EXPECTED = List.of(
      "modules-added | fx_alias | null | null | kernel/fx/fx_alias.ko",
      "modules-added | fx_cyc_b | null | null | kernel/fx/fx_cyc_b.ko",
      "modules-added | fx_nocrc | null | null | kernel/fx/fx_nocrc.ko",
      "modules-removed | fx_devname | null | kernel/fx/fx_devname.ko | null",
      "modules-removed | fx_prefix | null | kernel/fx/fx_prefix.ko | null",
      "modules-removed | fx_softdep | null | kernel/fx/fx_softdep.ko | null",
      "modules-renamed | fx_chain_c_new | fx_chain_c | kernel/chain/fx_chain_c.ko | kernel/chain/fx_chain_c_new.ko",
      "modules-moved | fx_weak | null | kernel/misc/fx_weak.ko | kernel/weak/fx_weak.ko",
      "modules-now-builtin | fx_lonely | null | kernel/fx/fx_lonely.ko | kernel/fx/fx_lonely.ko (built-in)",
      "modules-now-loadable | fx_blkdev | null | kernel/fx/fx_blkdev.ko (built-in) | kernel/fx/fx_blkdev.ko",
      "symbols-added | fx_cyc_b | fx_cyc_b_fn | null | null",
      "symbols-added | fx_nocrc | FX_NOCRC_NS | null | null",
      "symbols-added | fx_nocrc | fx_nocrc_fn | null | null",
      "symbols-added | fx_nocrc | fx_nocrc_plain | null | null",
      "symbols-removed | fx_prefix | __fx_double | null | null",
      "symbols-removed | fx_prefix | _fx_under | null | null",
      "symbols-removed | fx_prefix | fx_plain | null | null",
      "symbols-moved | fx_chain_c_new | fx_chain_c_fn | fx_chain_c | fx_chain_c_new",
      "symbols-moved | fx_twin1 | fx_twin_fn | fx_twin2 | fx_twin1",
      "crc-changed | fx_twin1 | fx_twin_fn | 0xbcde43f2 | 0x5738a5d8",
      "namespace-changed | fx_core | fx_core_ns_fn | FX_NS | FX_NS_V2",
      "symbols-unresolved | fx_prefix_user | __fx_double | fx_prefix | null",
      "symbols-unresolved | fx_prefix_user | _fx_under | fx_prefix | null",
      "symbols-unresolved | fx_prefix_user | fx_plain | fx_prefix | null",
      "deps-added | fx_cyc_a | fx_cyc_b | null | null",
      "deps-added | fx_cyc_b | fx_cyc_a | null | null",
      "deps-added | fx_stale | fx_twin1 | null | null",
      "deps-removed | fx_prefix_user | fx_prefix | null | null",
      "deps-removed | fx_stale | fx_twin2 | null | null",
      "cycles-added | fx_cyc_a | fx_cyc_a fx_cyc_b | null | null",
      "aliases-added | fx_alias | fx-alias-dash | null | null",
      "aliases-added | fx_alias | fx-br[a-c]ket-x | null | null",
      "aliases-added | fx_alias | fx-dup_alias | null | null",
      "aliases-added | fx_alias | fx:v[0-9]*d-[x-z]* | null | null",
      "aliases-added | fx_alias | fx_dup-alias | null | null",
      "aliases-added | fx_alias | pci:v00001234d00005678sv*sd*bc*sc*i* | null | null",
      "aliases-added | fx_alias | usb:v1234p5678d*dc*dsc*dp*ic*isc*ip*in* | null | null",
      "aliases-added | fx_blkdev | devname:fxblk/ignored | null | null",
      "aliases-removed | fx_devname | char-major-10-200 | null | null",
      "aliases-removed | fx_devname | devname:fxdev | null | null",
      "firmware-added | fx_lonely | fx/lonely.fw | null | null",
      "firmware-removed | fx_blkdev | fx/blk.fw | null | null",
      "firmware-removed | fx_softdep | fx/softdep-a.fw | null | null",
      "firmware-removed | fx_softdep | fx/softdep-b.fw | null | null",
      "softdeps-added | fx_lonely | pre: fx_core | null | null",
      "softdeps-removed | fx_blkdev | post: fx_alias | null | null",
      "softdeps-removed | fx_softdep | pre: fx-user | null | null",
      "softdeps-removed | fx_softdep | pre: fx_core post: fx_alias | null | null",
      "weakdeps-added | fx_lonely | fx_alias | null | null",
      "weakdeps-removed | fx_blkdev | fx_core | null | null",
      "weakdeps-removed | fx_softdep | fx_blkdev | null | null",
      "weakdeps-removed | fx_softdep | fx_devname | null | null",
      "params-added | fx_lonely | mode | null | charp",
      "params-removed | fx_blkdev | depth | int | null",
      "params-changed | fx_bi | speed | int | uint");

  @Test
  public void everyCategoryHasItsKnownChanges() {
    List<Change> changes = KernelDiff.compare(base(), head());
    assertEquals(String.join("\n", EXPECTED), String.join("\n", text(changes)));
    Set<Category> seen = changes.stream().map(c -> Category.of(c.getCategory()))
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Category.class)));
    assertEquals(EnumSet.allOf(Category.class), seen);
    changes.forEach(c -> assertEquals("1.0 2.0", c.getBase() + " " + c.getHead()));
  }

  @Test
  public void aKernelComparedWithItselfHasNoChanges() {
    assertEquals(List.of(), KernelDiff.compare(head(), head()));
  }
}
