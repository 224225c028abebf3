package dev.beamdepmod.jobs.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.options.PipelineOptions;
import picocli.CommandLine.Option;

/** What every subcommand gets: the caller's directory, the Beam options, its two streams, and -h. */
public abstract class Subcommand implements Callable<Integer> {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "this text")
  private boolean help;

  protected final String cwd;
  protected final PipelineOptions options;
  protected final PrintStream out;
  protected final PrintStream err;

  protected Subcommand(String cwd, PipelineOptions options, PrintStream out, PrintStream err) {
    this.cwd = cwd;
    this.options = options;
    this.out = out;
    this.err = err;
  }
}
