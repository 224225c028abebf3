package dev.beamdepmod.resolve;

import java.io.Serializable;
import java.util.List;

/**
 * Kernel (vmlinux) symbols from Module.symvers (-E) or System.map (-F), in file order, with the
 * messages depmod prints while loading them.
 *
 * @param fromSymvers true for -E (enables CRC checking), false for -F
 */
public record KernelSymbols(boolean fromSymvers, List<Symbol> symbols, List<String> messages)
    implements Serializable {
  public record Symbol(String name, long crc) implements Serializable {}

  /** Parses a Module.symvers file as depmod -E does. @param fileName the -E argument as given, for messages */
  public static KernelSymbols parseSymvers(String fileName, byte[] content, char symbolPrefix) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Parses a System.map file as depmod -F does. */
  public static KernelSymbols parseSystemMap(String fileName, byte[] content, char symbolPrefix) {
    throw new UnsupportedOperationException("TODO");
  }
}
