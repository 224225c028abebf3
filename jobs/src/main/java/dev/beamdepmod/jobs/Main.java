package dev.beamdepmod.jobs;

import dev.beamdepmod.jobs.cache.CacheCommand;
import dev.beamdepmod.jobs.check.CheckCommand;
import dev.beamdepmod.jobs.cli.CacheDefault;
import dev.beamdepmod.jobs.cli.Subcommands;
import dev.beamdepmod.jobs.depmod.DepmodCommand;
import dev.beamdepmod.jobs.depmod.DepmodOptions;
import dev.beamdepmod.jobs.depmod.Host;
import dev.beamdepmod.jobs.diff.DiffCommand;
import dev.beamdepmod.jobs.matrix.MatrixCommand;
import dev.beamdepmod.transforms.XzOptions;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/** Entry point of bin/beam-depmod: depmod's command line, plus Beam pipeline options. */
public final class Main {
  private Main() {}

  /** How long exiting waits for a runner's embedded services to stop. */
  private static final long SHUTDOWN_WAIT_MILLIS = 30_000;

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    awaitOtherThreads();
    System.exit(status);
  }

  /**
   * Flink's embedded cluster stops asynchronously after the job and removes its temporary files
   * last (a 22 MB RPC jar in java.io.tmpdir per run): exiting at once would leave them behind.
   */
  private static void awaitOtherThreads() {
    long deadline = System.nanoTime() + SHUTDOWN_WAIT_MILLIS * 1_000_000;
    while (true) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      Thread other = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t != Thread.currentThread() && !t.isDaemon() && t.isAlive())
          .findAny().orElse(null);
      if (other == null || left <= 0) return;
      try {
        other.join(left);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      return dispatch(args, out, err);
    } catch (BadPipelineOptions e) {
      err.println("beam-depmod: ERROR: " + e.getMessage());
      return 1;
    }
  }

  /** Pipeline options that cannot be used (unknown, malformed, or a --liblzma that does not load). */
  private static final class BadPipelineOptions extends RuntimeException {
    BadPipelineOptions(IllegalArgumentException e) {
      super(e.getMessage(), e);
    }
  }

  private static int dispatch(String[] args, PrintStream out, PrintStream err) {
    // a subcommand may follow Beam options; its own arguments come after it
    int at = BeamArgs.firstOtherArgument(args);
    String command = at < 0 ? "" : args[at];
    if (command.equals("matrix") || command.equals("diff") || command.equals("check") || command.equals("cache")) {
      List<String> rest = new ArrayList<>(Arrays.asList(args));
      rest.remove(at);
      String[] others = rest.toArray(String[]::new);
      String cwd = Host.current().cwd();
      // the command's own long options are known from its declaration, before the Beam options exist
      Function<PipelineOptions, Callable<Integer>> make = switch (command) {
        case "matrix" -> o -> new MatrixCommand(cwd, o, out, err);
        case "check" -> o -> new CheckCommand(cwd, o, out, err);
        case "cache" -> o -> new CacheCommand(cwd, o, out, err);
        default -> o -> new DiffCommand(cwd, o, out, err);
      };
      BeamArgs split = BeamArgs.split(others, Subcommands.longOptionNames(make.apply(null)));
      PipelineOptions options = pipelineOptions(split.beam());
      CacheDefault.apply(options);
      return Subcommands.run(make.apply(options), split.rest(), out, err);
    }
    BeamArgs split = BeamArgs.split(args, DepmodOptions.longOptionNames());
    PipelineOptions options = pipelineOptions(split.beam());
    return new DepmodCommand(Host.current())
        .run(DepmodCommand.argv(split.rest().toArray(String[]::new)), out, err, new BeamKernelJob(options));
  }

  /**
   * The DirectRunner's immutability and encodability checks re-encode every element; they guard
   * against bugs in user DoFns during development and only cost time here, unless asked for.
   * Its scheduler spins on any idle worker thread for as long as a pipeline runs, so it gets one
   * worker: the work that needs the cores, parsing and decompressing modules, runs on our own pool
   * (ParsePool), and one worker keeps that pool fed. Measured on two cores, a matrix of four kernels
   * took 15-16 s of CPU instead of 18-20 s with two workers, in the same wall time; four .deb
   * packages 28 s instead of 32-38 s (benchmarks/README.md).
   */
  static PipelineOptions pipelineOptions(List<String> beamArgs) {
    PipelineOptions options;
    try {
      options = PipelineOptionsFactory.fromArgs(beamArgs.toArray(String[]::new)).create();
      // the launcher binds the library too: one that does not load ends the run here, clearly
      XzOptions.bind(options);
    } catch (IllegalArgumentException e) {
      throw new BadPipelineOptions(e);
    }
    DirectOptions direct = options.as(DirectOptions.class);
    if (beamArgs.stream().noneMatch(a -> a.startsWith("--enforceImmutability"))) direct.setEnforceImmutability(false);
    if (beamArgs.stream().noneMatch(a -> a.startsWith("--enforceEncodability"))) direct.setEnforceEncodability(false);
    if (beamArgs.stream().noneMatch(a -> a.startsWith("--targetParallelism"))) {
      direct.setTargetParallelism(1);
    }
    return options;
  }
}
