package dev.beamdepmod.resolve;

import static dev.beamdepmod.config.DepmodMessage.error;

import dev.beamdepmod.diagnostics.Console;
import java.util.List;

/** modules.devname: device nodes of modules that declare a devname: alias and a major/minor alias. */
final class Devnames {
  private static final String DEVNAME = "devname:";

  private record Device(char type, int major, int minor) {}

  private Devnames() {}

  static String text(List<Module> modules, Console console) {
    StringBuilder out = new StringBuilder();
    for (Module m : modules) {
      String devname = null;
      Device device = null;
      for (String alias : m.aliases()) {
        if (alias.startsWith(DEVNAME)) {
          devname = alias.substring(DEVNAME.length());
        } else {
          Device d = scan(alias, "char-major-", 'c');
          d = d != null ? d : scan(alias, "block-major-", 'b');
          device = d != null ? d : device;
        }
        if (device != null && devname != null) {
          break;
        }
      }
      if (devname == null) {
        continue;
      }
      if (device == null) {
        console.accept(error("Module '" + m.name() + "' has devname (" + devname
            + ") but lacks major and minor information. Ignoring."));
        continue;
      }
      if (out.isEmpty()) {
        out.append("# Device nodes to trigger on-demand module loading.\n");
      }
      out.append(m.name()).append(' ').append(devname).append(' ').append(device.type())
          .append(Integer.toUnsignedString(device.major())).append(':')
          .append(Integer.toUnsignedString(device.minor())).append('\n');
    }
    return out.toString();
  }

  /** sscanf(alias, "<literal>%u-%u"): the two numbers as unsigned ints, or null without both. */
  private static Device scan(String alias, String literal, char type) {
    if (!alias.startsWith(literal)) {
      return null;
    }
    int start = literal.length();
    CUnsigned.Parsed major = CUnsigned.parse(alias, start, 10);
    if (!major.converted(start) || !alias.startsWith("-", major.end())) {
      return null;
    }
    CUnsigned.Parsed minor = CUnsigned.parse(alias, major.end() + 1, 10);
    if (!minor.converted(major.end() + 1)) {
      return null;
    }
    return new Device(type, (int) major.value(), (int) minor.value());
  }
}
