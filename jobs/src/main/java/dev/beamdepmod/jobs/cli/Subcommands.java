package dev.beamdepmod.jobs.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * Runs the subcommands (matrix, diff, ...) through picocli: their options are declared on the
 * command classes. depmod's own command line keeps its getopt emulation, which must match byte for byte.
 * Exit statuses: the command's own, 2 for a usage error (message, then the usage), 0 for --help.
 */
public final class Subcommands {
  private Subcommands() {}

  public static int run(Callable<Integer> command, List<String> args, PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(command).setUsageHelpWidth(110);
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cli.setParameterExceptionHandler((e, given) -> {
      CommandLine failed = e.getCommandLine();
      failed.getErr().println(failed.getCommandName() + ": " + e.getMessage());
      failed.usage(failed.getErr());
      return CommandLine.ExitCode.USAGE;
    });
    cli.setExecutionExceptionHandler((e, failed, parsed) -> {
      throw e;
    });
    return cli.execute(args.toArray(String[]::new));
  }

  /** The long option names a command declares, so that Beam options are told apart from them. */
  public static List<String> longOptionNames(Object command) {
    return new CommandLine(command).getCommandSpec().options().stream()
        .flatMap(o -> List.of(o.names()).stream())
        .filter(n -> n.startsWith("--"))
        .map(n -> n.substring(2))
        .toList();
  }
}
