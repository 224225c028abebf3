package dev.beamdepmod.jobs.depmod;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.beamdepmod.config.ConfigFile;
import dev.beamdepmod.config.DepmodConfig;
import dev.beamdepmod.config.DepmodFatal;
import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.diagnostics.Console;
import dev.beamdepmod.discovery.DiscoveredModule;
import dev.beamdepmod.discovery.FilesMode;
import dev.beamdepmod.discovery.QuickCheck;
import dev.beamdepmod.discovery.TreeWalker;
import dev.beamdepmod.jobs.local.ConfigFiles;
import dev.beamdepmod.jobs.local.LocalDirectory;
import dev.beamdepmod.jobs.local.LocalFs;
import dev.beamdepmod.module.Errno;
import dev.beamdepmod.resolve.DepmodSettings;
import dev.beamdepmod.resolve.KernelSymbols;
import dev.beamdepmod.resolve.OutputTarget;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The depmod command line: options, version and directories, -A, kernel symbols, configuration and
 * module discovery, each printing into the kernel's {@link Console}; then hands the kernel and its
 * console to a {@link KernelJob} and prints the console it hands back.
 */
public final class DepmodCommand {
  private final Host host;
  private final LocalFs fs;
  private final LocalDirectory disk;

  public DepmodCommand(Host host) {
    this.host = host;
    this.fs = new LocalFs(host.cwd());
    this.disk = new LocalDirectory(fs);
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
    Console console = new Console(parsed.options().verbose());
    Console printed = console;
    try {
      printed = depmod(parsed.options(), console, job);
    } finally {
      // A kernel job that fails still leaves what was printed before it.
      printed.printTo(out, err);
    }
    return printed.exitStatus();
  }

  /** @return the console to print: the one given, or the kernel job's continuation of it */
  private Console depmod(DepmodOptions o, Console console, KernelJob job) {
    List<String> operands = o.operands();
    String version = operands.isEmpty() ? host.kernelRelease() : operands.get(0);
    if (!operands.isEmpty() && !Directories.isVersionNumber(version)) {
      console.accept(DepmodMessage.error("Bad version passed " + version));
      console.fail();
      return console;
    }
    Directories dirs = Directories.of(o, version, host.cwd());
    if (dirs.tooLong() != null) {
      console.accept(DepmodMessage.error("Bad directory " + dirs.tooLong() + ": path too long"));
      console.fail();
      return console;
    }
    List<String> files = operands.isEmpty() ? List.of() : operands.subList(1, operands.size());
    boolean all = o.all() || files.isEmpty();
    if (o.quick()) {
      if (!new OutputTarget(o.dryRun(), null).checksUpToDate() || QuickCheck.isUpToDate(disk, dirs.dirname(), console)) {
        return console;
      }
      all = true;
    }
    try {
      DepmodSettings settings = settings(o, console);
      List<DiscoveredModule> modules =
          all ? walk(o, dirs, console) : FilesMode.modules(disk, files, dirs.dirname(), console);
      return job.run(KernelPlan.of(dirs, host.cwd(), modules, settings), console);
    } catch (DepmodFatal fatal) {
      console.accept(fatal.message());
      return console;
    }
  }

  /** Loads -E or -F (-E wins); -e without either is turned off with a warning. */
  private DepmodSettings settings(DepmodOptions o, Console console) throws DepmodFatal {
    boolean errSyms = o.errsyms();
    KernelSymbols symbols = null;
    if (o.symvers() != null) {
      symbols = KernelSymbols.parseSymvers(o.symvers(), load(o.symvers()), o.symbolPrefix());
    } else if (o.filesyms() != null) {
      symbols = KernelSymbols.parseSystemMap(o.filesyms(), load(o.filesyms()), o.symbolPrefix());
    } else if (errSyms) {
      console.accept(DepmodMessage.warning("-e needs -E or -F"));
      errSyms = false;
    }
    if (symbols != null) {
      symbols.messages().forEach(console);
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

  private List<DiscoveredModule> walk(DepmodOptions o, Directories dirs, Console console)
      throws DepmodFatal {
    List<ConfigFile> configFiles = ConfigFiles.load(fs, o.configPaths(), console);
    DepmodConfig config = DepmodConfig.parse(dirs.version(), configFiles);
    config.messages().forEach(console);
    return TreeWalker.walk(disk, host.cwd(), config, dirs.dirname(), console);
  }
}
