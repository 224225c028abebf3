package dev.beamdepmod.check;


/**
 * One symbol a kernel exports, as the loader sees it when resolving an import.
 *
 * @param module "vmlinux" or the exporting module's name
 * @param crc modversions CRC, 0 when unknown or unversioned
 * @param gplOnly EXPORT_SYMBOL_GPL
 * @param namespace EXPORT_SYMBOL_NS namespace, null for none
 */
public record Export(String name, String module, long crc, boolean gplOnly, String namespace) {
  public static final String VMLINUX = "vmlinux";
}
