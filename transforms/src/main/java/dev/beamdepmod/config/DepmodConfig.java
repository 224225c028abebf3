package dev.beamdepmod.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.StringTokenizer;

/**
 * The depmod.d configuration for one kernel version, in depmod's internal order: every list is
 * built by prepending, so the entry configured last comes first.
 *
 * @param searches search entries; when nothing was configured, the single path entry "updates"
 * @param overrides override paths "SUBDIR/MODNAME" whose version matched
 * @param externals external directories whose version matched
 * @param excludes directory-entry names to skip during the walk
 * @param messages what depmod prints while parsing, in order
 */
public record DepmodConfig(
    List<SearchEntry> searches,
    List<String> overrides,
    List<String> externals,
    List<String> excludes,
    List<DepmodMessage> messages)
    implements Serializable {

  public DepmodConfig {
    searches = List.copyOf(searches);
    overrides = List.copyOf(overrides);
    externals = List.copyOf(externals);
    excludes = List.copyOf(excludes);
    messages = List.copyOf(messages);
  }

  /** What depmod uses when no configuration file exists. */
  public static DepmodConfig defaults() {
    return parse("", List.of());
  }

  /**
   * @param kernelVersion the version string override/external KVERs are matched against
   * @param files the files in the order depmod parses them (see {@link ConfigFileOrder})
   */
  public static DepmodConfig parse(String kernelVersion, List<ConfigFile> files) {
    Builder b = new Builder(kernelVersion);
    for (ConfigFile file : files) {
      if (file.content() == null) {
        b.messages.add(DepmodMessage.error("file parse " + file.path() + ": " + file.openError()));
        continue;
      }
      for (LogicalLines.Line line : LogicalLines.split(file.content())) {
        b.parseLine(file.path(), line);
      }
    }
    if (b.searches.isEmpty()) {
      b.searches.add(SearchEntry.of("updates"));
    }
    return new DepmodConfig(b.searches, b.overrides, b.externals, b.excludes, b.messages);
  }

  private static final class Builder {
    final String kernelVersion;
    final List<SearchEntry> searches = new ArrayList<>();
    final List<String> overrides = new ArrayList<>();
    final List<String> externals = new ArrayList<>();
    final List<String> excludes = new ArrayList<>();
    final List<DepmodMessage> messages = new ArrayList<>();

    Builder(String kernelVersion) {
      this.kernelVersion = kernelVersion;
    }

    void parseLine(String path, LogicalLines.Line line) {
      String text = line.text();
      // depmod handles the line as a C string: a NUL byte ends it
      int nul = text.indexOf('\0');
      if (nul >= 0) {
        text = text.substring(0, nul);
      }
      if (text.isEmpty() || text.charAt(0) == '#') {
        return;
      }
      StringTokenizer tokens = new StringTokenizer(text, " \t");
      if (!tokens.hasMoreTokens()) {
        return;
      }
      String where = path + ":" + line.number() + ": ";
      String cmd = tokens.nextToken();
      switch (cmd) {
        case "search":
          while (tokens.hasMoreTokens()) {
            searches.add(0, SearchEntry.of(tokens.nextToken()));
          }
          return;
        case "override":
          {
            String[] args = take(tokens, 3);
            if (args == null) {
              break;
            }
            switch (KernelVersionPattern.match(args[1], kernelVersion)) {
              case MATCH -> overrides.add(0, args[2] + "/" + args[0]);
              case NO_MATCH -> messages.add(DepmodMessage.info(where + "override kernel did not match " + args[1]));
              case TOO_COMPLEX -> messages.add(tooComplex(where, "override"));
            }
            return;
          }
        case "external":
          {
            String[] args = take(tokens, 2);
            if (args == null) {
              break;
            }
            switch (KernelVersionPattern.match(args[0], kernelVersion)) {
              case MATCH -> externals.add(0, args[1]);
              case NO_MATCH -> messages.add(DepmodMessage.info(where + "external directory did not match " + args[0]));
              case TOO_COMPLEX -> messages.add(tooComplex(where, "external"));
            }
            return;
          }
        case "exclude":
          while (tokens.hasMoreTokens()) {
            excludes.add(0, tokens.nextToken());
          }
          return;
        case "include":
        case "make_map_files":
          messages.add(DepmodMessage.info(where + "command " + cmd + " not implemented yet"));
          return;
        default:
          break;
      }
      messages.add(DepmodMessage.error(where + "ignoring bad line starting with '" + cmd + "'"));
    }

    /** beam-depmod's own message for a KVER pattern beyond {@link KernelVersionPattern}'s bounds. */
    private static DepmodMessage tooComplex(String where, String command) {
      return DepmodMessage.warning(where + command + " kernel version pattern too complex to match, line ignored");
    }

    /** The next n tokens, or null when the line has fewer; further tokens are ignored. */
    private static String[] take(StringTokenizer tokens, int n) {
      String[] out = new String[n];
      for (int i = 0; i < n; i++) {
        if (!tokens.hasMoreTokens()) {
          return null;
        }
        out[i] = tokens.nextToken();
      }
      return out;
    }
  }

  /**
   * This configuration with relative external directories taken from {@code cwd}: depmod builds the
   * paths of external modules (and compares them for priority) from the absolute directory, while
   * it opens and reports the directory as written.
   */
  public DepmodConfig withAbsoluteExternals(String cwd) {
    List<String> absolute =
        externals.stream().map(e -> e.startsWith("/") ? e : cwd + "/" + e).toList();
    return new DepmodConfig(searches, overrides, absolute, excludes, messages);
  }
}
