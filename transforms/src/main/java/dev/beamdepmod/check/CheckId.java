package dev.beamdepmod.check;

import dev.beamdepmod.schema.CheckResult;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/** The loader's checks by the names --fail-on takes. */
public enum CheckId {
  ELF("elf", r -> r.getElfMismatch() != null),
  VERMAGIC("vermagic", r -> r.getVermagicMismatch() != null),
  UNKNOWN_SYMBOLS("unknown-symbols", r -> !r.getUnknownSymbols().isEmpty()),
  CRC("crc", r -> !r.getCrcMismatches().isEmpty()),
  NAMESPACE("namespace", r -> !r.getMissingNamespaces().isEmpty()),
  GPL("gpl", r -> !r.getGplOnlySymbols().isEmpty()),
  THIS_MODULE_SIZE("this-module-size", r -> r.getThisModuleSizeMismatch() != null);

  private final String id;
  private final Predicate<CheckResult> failed;

  CheckId(String id, Predicate<CheckResult> failed) {
    this.id = id;
    this.failed = failed;
  }

  public String id() {
    return id;
  }

  public boolean failed(CheckResult r) {
    return failed.test(r);
  }

  /** "crc,unknown-symbols" or "all". @throws IllegalArgumentException naming an unknown check */
  public static Set<CheckId> parseList(String list) {
    Set<CheckId> out = EnumSet.noneOf(CheckId.class);
    for (String part : list.split(",", -1)) {
      String p = part.trim();
      if (p.equals("all")) {
        out.addAll(EnumSet.allOf(CheckId.class));
        continue;
      }
      CheckId found = null;
      for (CheckId c : values()) if (c.id.equals(p)) found = c;
      if (found == null) throw new IllegalArgumentException("unknown check '" + p + "' for --fail-on");
      out.add(found);
    }
    return out;
  }
}
