package dev.beamdepmod.bench;

import dev.beamdepmod.config.DepmodFatal;
import dev.beamdepmod.schema.ModuleFile;
import dev.beamdepmod.transforms.ReadModules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reads every module of a real kernel tree as the pipeline does ({@link ReadModules#read}: Beam's
 * FileSystems, then the module reader), single-threaded like depmod, on the modules depmod's walk
 * keeps.
 * The score is kernels per second; the counters give modules/s and MB/s (MB of module files as
 * stored, i.e. compressed for .ko.xz trees).
 *
 * <p>Parameter {@code dirname}: the kernel's module directory (e.g.
 * {@code ROOT/lib/modules/6.1.0-50-amd64}); defaults to the system property {@code kernel.dir}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReadKernelBenchmark {
  @Param("")
  public String dirname;

  private List<ModuleFile> files;
  private double megabytes;

  /** Per-second rates reported next to the score. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Rates {
    public long modules;
    public double megabytes;

    @Setup(Level.Iteration)
    public void reset() {
      modules = 0;
      megabytes = 0;
    }
  }

  @Setup(Level.Trial)
  public void findModules() throws IOException {
    String dir = dirname.isEmpty() ? System.getProperty("kernel.dir", "") : dirname;
    if (dir.isEmpty()) {
      throw new IllegalArgumentException("set -p dirname=DIR or -Dkernel.dir=DIR");
    }
    try {
      files = DumpExportsAndAliases.moduleFiles(dir);
    } catch (DepmodFatal e) {
      throw new IOException(e.message().line());
    }
    long bytes = 0;
    for (ModuleFile file : files) {
      bytes += Files.size(Path.of(file.getLocation()));
    }
    megabytes = bytes / 1e6;
  }

  @Benchmark
  public void readKernel(Rates rates, Blackhole blackhole) {
    for (ModuleFile file : files) {
      blackhole.consume(ReadModules.read(file));
    }
    rates.modules += files.size();
    rates.megabytes += megabytes;
  }
}
