package dev.beamdepmod.jobs.depmod;

import dev.beamdepmod.module.Errno;
import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.beamdepmod.config.ConfigFile;
import dev.beamdepmod.config.DepmodConfig;
import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.config.DiscoveredModule;
import dev.beamdepmod.resolve.DepmodResult;
import dev.beamdepmod.resolve.DepmodSettings;
import dev.beamdepmod.resolve.KernelSymbols;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The depmod command line: options, version and directories, -A, kernel symbols, configuration and
 * module discovery, with depmod's messages in depmod's order; then hands the kernel to a {@link
 * KernelJob} and passes on what it reports.
 */
public final class DepmodCommand {
  private final Host host;
  private final LocalFs fs;

  public DepmodCommand(Host host) {
    this.host = host;
    this.fs = new LocalFs(host.cwd());
  }

  /** Turns the JVM's decoded arguments back into argv byte strings (ISO-8859-1 chars). */
  public static String[] argv(String[] jvmArgs) {
    return Arrays.stream(jvmArgs).map(LocalFs::fromJava).toArray(String[]::new);
  }

  /**
   * @param args argv without the program name, as ISO-8859-1 strings (see {@link #argv})
   * @return the exit status
   */
  public int run(String[] args, PrintStream out, PrintStream err, KernelJob job) {
    try {
      return execute(args, out, err, job);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int execute(String[] args, PrintStream out, PrintStream err, KernelJob job) {
    DepmodOptions.Parsed parsed = DepmodOptions.parse(List.of(args), host.posixlyCorrect());
    if (parsed.exit() != null) {
      out.writeBytes(parsed.exit().stdout().getBytes(ISO_8859_1));
      err.writeBytes(parsed.exit().stderr().getBytes(ISO_8859_1));
      return parsed.exit().status();
    }
    DepmodOptions o = parsed.options();
    Log log = new Log(err, o.verbose());
    List<String> operands = o.operands();
    String version = operands.isEmpty() ? host.kernelRelease() : operands.get(0);
    if (!operands.isEmpty() && !Directories.isVersionNumber(version)) {
      log.accept(DepmodMessage.error("Bad version passed " + version));
      return 1;
    }
    Directories dirs = Directories.of(o, version, host.cwd());
    if (dirs.tooLong() != null) {
      log.accept(DepmodMessage.error("Bad directory " + dirs.tooLong() + ": path too long"));
      return 1;
    }
    List<String> files = operands.isEmpty() ? List.of() : operands.subList(1, operands.size());
    boolean all = o.all() || files.isEmpty();
    if (o.quick()) {
      if (o.dryRun() || QuickCheck.isUpToDate(fs, dirs.dirname(), log)) {
        return 0;
      }
      all = true;
    }
    try {
      DepmodSettings settings = settings(o, log);
      List<DiscoveredModule> modules =
          all ? walk(o, dirs, log) : FilesMode.modules(fs, files, dirs.dirname(), log);
      DepmodResult result = job.run(KernelPlan.of(dirs, host.cwd(), modules, settings));
      result.stderr().forEach(log::line);
      out.writeBytes(result.stdout());
      return result.exitCode();
    } catch (DepmodFatal fatal) {
      log.accept(fatal.message());
      return 1;
    }
  }

  /** Loads -E or -F (-E wins); -e without either is turned off with a warning. */
  private DepmodSettings settings(DepmodOptions o, Log log) throws DepmodFatal {
    boolean errSyms = o.errsyms();
    KernelSymbols symbols = null;
    if (o.symvers() != null) {
      symbols = KernelSymbols.parseSymvers(o.symvers(), load(o.symvers()), o.symbolPrefix());
    } else if (o.filesyms() != null) {
      symbols = KernelSymbols.parseSystemMap(o.filesyms(), load(o.filesyms()), o.symbolPrefix());
    } else if (errSyms) {
      log.accept(new DepmodMessage(DepmodMessage.Level.WARNING, "-e needs -E or -F"));
      errSyms = false;
    }
    if (symbols != null) {
      symbols.messages().forEach(log::line);
    }
    return new DepmodSettings(o.symbolPrefix(), o.verbose(), errSyms, symbols, o.warn(), o.dryRun());
  }

  /** A directory opens fine and reads as empty for depmod, so it is an empty symbol file. */
  private byte[] load(String file) throws DepmodFatal {
    try {
      Path p = fs.userPath(file);
      return Files.isDirectory(p) ? new byte[0] : Files.readAllBytes(p);
    } catch (IOException e) {
      throw new DepmodFatal("could not load " + file + ": " + Errno.strerror(e));
    }
  }

  private List<DiscoveredModule> walk(DepmodOptions o, Directories dirs, Log log)
      throws DepmodFatal {
    List<ConfigFile> configFiles = ConfigFiles.load(fs, o.configPaths(), log);
    DepmodConfig config = DepmodConfig.parse(dirs.version(), configFiles);
    config.messages().forEach(log);
    return TreeWalker.walk(fs, host.cwd(), config, dirs.dirname(), log);
  }

  /** stderr with depmod's verbosity threshold. */
  private static final class Log implements java.util.function.Consumer<DepmodMessage> {
    private final PrintStream err;
    private final int verbose;

    Log(PrintStream err, int verbose) {
      this.err = err;
      this.verbose = verbose;
    }

    @Override
    public void accept(DepmodMessage m) {
      if (m.shownAt(verbose)) {
        line(m.line());
      }
    }

    /** A complete stderr line (without its newline) from elsewhere, already filtered. */
    void line(String line) {
      err.writeBytes((line + "\n").getBytes(ISO_8859_1));
    }
  }
}
