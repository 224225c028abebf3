package dev.beamdepmod.resolve;

import static dev.beamdepmod.config.DepmodMessage.error;

import dev.beamdepmod.config.DepmodMessage;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Kernel (vmlinux) symbols from Module.symvers (-E) or System.map (-F), in file order, with the
 * messages depmod prints while loading them. Names are stored as
 * depmod stores them (-P character already removed); the resolver adds the fake kernel symbols.
 *
 * @param fromSymvers true for -E (enables CRC checking), false for -F
 */
public record KernelSymbols(boolean fromSymvers, List<Symbol> symbols, List<DepmodMessage> messages)
    implements Serializable {
  public record Symbol(String name, long crc) implements Serializable {}

  /** depmod reads both files through a 10240-byte fgets buffer. */
  private static final int LINE_BUFFER = 10240;
  private static final String KSYMTAB = "__ksymtab_";

  /** Parses a Module.symvers file as depmod -E does. @param fileName the -E argument as given, for messages */
  public static KernelSymbols parseSymvers(String fileName, byte[] content, char symbolPrefix) {
    List<Symbol> symbols = new ArrayList<>();
    List<DepmodMessage> messages = new ArrayList<>();
    // %m shows whatever errno holds: observed ENOENT at this point, then what strtoull last set
    String errno = "No such file or directory";
    int lineNumber = 0;
    for (String piece : CText.fgets(content, LINE_BUFFER)) {
      lineNumber++;
      List<String> tokens = strtok(CText.cString(piece), 3);
      if (tokens.size() < 3 || !tokens.get(2).equals("vmlinux")) {
        continue;
      }
      String version = tokens.get(0);
      CUnsigned.Parsed crc = CUnsigned.parse(version, 0, 16);
      if (crc.overflow()) {
        errno = "Numerical result out of range";
      }
      if (crc.end() != version.length()) {
        messages.add(error(fileName + ":" + lineNumber + " Invalid symbol version " + version + ": " + errno));
        continue;
      }
      symbols.add(new Symbol(withoutPrefix(tokens.get(1), symbolPrefix), crc.value()));
    }
    return new KernelSymbols(true, symbols, messages);
  }

  /** Parses a System.map file as depmod -F does. */
  public static KernelSymbols parseSystemMap(String fileName, byte[] content, char symbolPrefix) {
    List<Symbol> symbols = new ArrayList<>();
    List<DepmodMessage> messages = new ArrayList<>();
    int lineNumber = 0;
    for (String piece : CText.fgets(content, LINE_BUFFER)) {
      lineNumber++;
      String line = CText.cString(piece);
      int first = line.indexOf(' ');
      int second = first < 0 ? -1 : line.indexOf(' ', first + 1);
      if (second < 0) {
        // the line keeps its newline, so the message is followed by an empty line
        messages.add(error(fileName + ":" + lineNumber + ": invalid line: " + line));
        continue;
      }
      String field = withoutPrefix(line.substring(second + 1), symbolPrefix);
      if (!field.startsWith(KSYMTAB)) {
        continue;
      }
      int newline = field.indexOf('\n');
      String name = field.substring(KSYMTAB.length(), newline < 0 ? field.length() : newline);
      symbols.add(new Symbol(name, 0));
    }
    return new KernelSymbols(false, symbols, messages);
  }

  /** Removes one leading -P character (0 when -P was not given, which never matches). */
  static String withoutPrefix(String name, char symbolPrefix) {
    return !name.isEmpty() && name.charAt(0) == symbolPrefix ? name.substring(1) : name;
  }

  /** The first {@code max} tokens of strtok(line, " \t"). */
  private static List<String> strtok(String line, int max) {
    List<String> tokens = new ArrayList<>(max);
    int i = 0;
    while (tokens.size() < max) {
      while (i < line.length() && isDelimiter(line.charAt(i))) {
        i++;
      }
      if (i == line.length()) {
        break;
      }
      int start = i;
      while (i < line.length() && !isDelimiter(line.charAt(i))) {
        i++;
      }
      tokens.add(line.substring(start, i));
    }
    return tokens;
  }

  private static boolean isDelimiter(char c) {
    return c == ' ' || c == '\t';
  }
}
