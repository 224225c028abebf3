package dev.beamdepmod.jobs.depmod;

import dev.beamdepmod.jobs.depmod.GetoptLong.LongOption;
import java.util.ArrayList;
import java.util.List;

/**
 * depmod's parsed command line. Strings are argv bytes as ISO-8859-1 chars.
 *
 * @param basedir -b as given, or null
 * @param moduledir -m as given, or null for the default
 * @param outdir -o as given, or null
 * @param configPaths every -C in order; empty means the default search list
 * @param symvers -E, or null
 * @param filesyms -F, or null
 * @param symbolPrefix the -P character, or 0
 * @param operands the non-option arguments in order (version, then module files)
 */
public record DepmodOptions(
    boolean all,
    boolean quick,
    String basedir,
    String moduledir,
    String outdir,
    List<String> configPaths,
    String symvers,
    String filesyms,
    boolean errsyms,
    int verbose,
    boolean dryRun,
    char symbolPrefix,
    boolean warn,
    List<String> operands) {

  /** What depmod prints and returns when it stops while parsing (errors, -h, -V). */
  public record Exit(String stdout, String stderr, int status) {}

  /** Exactly one of the two is non-null. */
  public record Parsed(DepmodOptions options, Exit exit) {}

  static final String PROGRAM = "depmod";

  private static final String SHORT_OPTIONS = "aAb:m:o:C:E:F:evnP:wVh";

  /** In depmod's table order, which decides how glibc lists ambiguous candidates. */
  private static final List<LongOption> LONG_OPTIONS =
      List.of(
          new LongOption("all", false, 'a'),
          new LongOption("quick", false, 'A'),
          new LongOption("basedir", true, 'b'),
          new LongOption("moduledir", true, 'm'),
          new LongOption("outdir", true, 'o'),
          new LongOption("config", true, 'C'),
          new LongOption("symvers", true, 'E'),
          new LongOption("filesyms", true, 'F'),
          new LongOption("errsyms", false, 'e'),
          new LongOption("verbose", false, 'v'),
          new LongOption("show", false, 'n'),
          new LongOption("dry-run", false, 'n'),
          new LongOption("symbol-prefix", true, 'P'),
          new LongOption("warn", false, 'w'),
          new LongOption("version", false, 'V'),
          new LongOption("help", false, 'h'));

  /** The long option names, so other arguments on the same command line can be told apart. */
  public static List<String> longOptionNames() {
    return LONG_OPTIONS.stream().map(LongOption::name).toList();
  }

  static final String HELP =
      "Usage:\n"
          + "\tdepmod -[aA] [options] [forced_version]\n"
          + "\n"
          + "If no arguments (except options) are given, \"depmod -a\" is assumed\n"
          + "\n"
          + "depmod will output a dependency list suitable for the modprobe utility.\n"
          + "\n"
          + "Options:\n"
          + "\t-a, --all            Probe all modules\n"
          + "\t-A, --quick          Only does the work if there's a new module\n"
          + "\t-e, --errsyms        Report not supplied symbols\n"
          + "\t-n, --show           Write the dependency file on stdout only\n"
          + "\t-P, --symbol-prefix  Architecture symbol prefix\n"
          + "\t-C, --config=PATH    Read configuration from PATH\n"
          + "\t-v, --verbose        Enable verbose mode\n"
          + "\t-w, --warn           Warn on duplicates\n"
          + "\t-V, --version        show version\n"
          + "\t-h, --help           show this help\n"
          + "\n"
          + "The following options are useful for people managing distributions:\n"
          + "\t-b, --basedir=DIR    Root path (default: /).\n"
          + "\t-m, --moduledir=DIR  Module directory (default: /lib/modules).\n"
          + "\t-o, --outdir=DIR     Output root path (default: same as <basedir>).\n"
          + "\t-F, --filesyms=FILE  Use the file instead of the\n"
          + "\t                     current kernel symbols.\n"
          + "\t-E, --symvers=FILE   Use Module.symvers file to check\n"
          + "\t                     symbol versions.\n";

  /** The reference build's version and feature lines. */
  static final String VERSION = "kmod version 34.2\n+ZSTD +XZ -ZLIB +OPENSSL\n";

  /**
   * Parses left to right like depmod: the first error, -h or -V ends parsing, so whatever follows
   * it is never looked at.
   */
  public static Parsed parse(List<String> args, boolean posixlyCorrect) {
    GetoptLong getopt =
        new GetoptLong(PROGRAM, args, SHORT_OPTIONS, LONG_OPTIONS, posixlyCorrect);
    Builder b = new Builder();
    for (GetoptLong.Event e = getopt.next(); e != null; e = getopt.next()) {
      if (e instanceof GetoptLong.Failure failure) {
        return exit(new Exit("", failure.message(), 1));
      }
      Exit exit = b.apply((GetoptLong.Option) e);
      if (exit != null) {
        return exit(exit);
      }
    }
    return new Parsed(b.build(getopt.operands()), null);
  }

  private static Parsed exit(Exit exit) {
    return new Parsed(null, exit);
  }

  private static final class Builder {
    boolean all;
    boolean quick;
    String basedir;
    String moduledir;
    String outdir;
    final List<String> configPaths = new ArrayList<>();
    String symvers;
    String filesyms;
    boolean errsyms;
    int verbose;
    boolean dryRun;
    char symbolPrefix;
    boolean warn;

    /** Applies one option; returns non-null when depmod stops here. */
    Exit apply(GetoptLong.Option o) {
      String arg = o.argument();
      switch (o.name()) {
        case 'a' -> all = true;
        case 'A' -> quick = true;
        case 'b' -> basedir = arg;
        case 'm' -> moduledir = arg;
        case 'o' -> outdir = arg;
        case 'C' -> configPaths.add(arg);
        case 'E' -> symvers = arg;
        case 'F' -> filesyms = arg;
        case 'e' -> errsyms = true;
        case 'v' -> verbose++;
        case 'n' -> dryRun = true;
        case 'P' -> {
          if (arg.length() != 1) {
            return new Exit("", "depmod: FATAL: -P only takes a single char\n", 1);
          }
          symbolPrefix = arg.charAt(0);
        }
        case 'w' -> warn = true;
        case 'h' -> {
          return new Exit(HELP, "", 0);
        }
        case 'V' -> {
          return new Exit(VERSION, "", 0);
        }
        default -> throw new IllegalStateException("option table out of sync: " + o.name());
      }
      return null;
    }

    DepmodOptions build(List<String> operands) {
      return new DepmodOptions(
          all, quick, basedir, moduledir, outdir, List.copyOf(configPaths), symvers, filesyms,
          errsyms, verbose, dryRun, symbolPrefix, warn, List.copyOf(operands));
    }
  }
}
