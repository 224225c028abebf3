package dev.beamdepmod.jobs;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Separates Beam pipeline options from a tool's own arguments, so one command line can carry both.
 * An argument is a Beam option when it is {@code --name[=value]}, {@code name} is a property of a
 * registered PipelineOptions interface, and it is not a prefix of one of the tool's long options
 * (which getopt would accept as an abbreviation).
 */
public record BeamArgs(List<String> beam, List<String> rest) {

  public static BeamArgs split(String[] args, List<String> toolLongOptions) {
    Set<String> properties = beamProperties();
    List<String> beam = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    boolean optionsEnded = false;
    for (String arg : args) {
      if (!optionsEnded && arg.equals("--")) optionsEnded = true;
      if (!optionsEnded && isBeamOption(arg, toolLongOptions, properties)) {
        beam.add(arg);
      } else {
        rest.add(arg);
      }
    }
    return new BeamArgs(beam, rest);
  }

  /** The position of the first argument that is not a Beam option (a subcommand's name), or -1. */
  public static int firstOtherArgument(String[] args) {
    Set<String> properties = beamProperties();
    for (int i = 0; i < args.length; i++) {
      if (!isBeamOption(args[i], List.of(), properties)) return i;
    }
    return -1;
  }

  private static boolean isBeamOption(String arg, List<String> toolLongOptions, Set<String> properties) {
    if (!arg.startsWith("--") || arg.length() <= 2) return false;
    String name = arg.substring(2).split("=", 2)[0];
    return toolLongOptions.stream().noneMatch(o -> o.startsWith(name)) && properties.contains(name);
  }

  private static Set<String> beamProperties() {
    Set<String> names = new TreeSet<>();
    for (Class<? extends PipelineOptions> iface : PipelineOptionsFactory.getRegisteredOptions()) {
      for (Method m : iface.getMethods()) {
        String n = m.getName();
        if (m.getParameterCount() == 0 && n.startsWith("get") && n.length() > 3) {
          names.add(Character.toLowerCase(n.charAt(3)) + n.substring(4));
        } else if (m.getParameterCount() == 0 && n.startsWith("is") && n.length() > 2) {
          names.add(Character.toLowerCase(n.charAt(2)) + n.substring(3));
        }
      }
    }
    return names;
  }
}
