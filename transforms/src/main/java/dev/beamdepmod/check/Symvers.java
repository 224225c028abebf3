package dev.beamdepmod.check;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.beamdepmod.module.ModuleName;
import java.util.ArrayList;
import java.util.List;

/**
 * A kernel build's Module.symvers: one line per export, {@code crc<TAB>symbol<TAB>module<TAB>
 * EXPORT_SYMBOL[_GPL]<TAB>namespace} (the namespace field may be empty or, in old kernels, absent).
 * Unlike depmod -E, which keeps only the vmlinux lines and their CRCs, every line and field is kept:
 * the loader's checks need the GPL-only flag and the namespace of module exports too.
 */
public final class Symvers {
  private Symvers() {}

  /** The exports in file order; malformed lines (fewer than three fields, a CRC that is no hex number) are skipped. */
  public static List<Export> parse(byte[] content) {
    List<Export> exports = new ArrayList<>();
    for (String line : new String(content, ISO_8859_1).split("\n")) {
      String[] f = line.split("\t", -1);
      if (f.length < 3 || f[1].isEmpty()) continue;
      long crc;
      try {
        String hex = f[0].startsWith("0x") || f[0].startsWith("0X") ? f[0].substring(2) : f[0];
        crc = Long.parseUnsignedLong(hex, 16);
      } catch (NumberFormatException e) {
        continue;
      }
      // the module's path in the build without extension ("drivers/net/foo-bar"): the name is depmod's
      String module = f[2].isEmpty() ? Export.VMLINUX : ModuleName.of(f[2]);
      boolean gpl = f.length > 3 && f[3].endsWith("_GPL");
      String namespace = f.length > 4 && !f[4].isEmpty() ? f[4] : null;
      exports.add(new Export(f[1], module, crc, gpl, namespace));
    }
    return exports;
  }
}
