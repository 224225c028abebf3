package dev.beamdepmod.transforms;

import dev.beamdepmod.module.Errno;
import dev.beamdepmod.diff.Snapshots;
import dev.beamdepmod.resolve.DepmodResult;
import dev.beamdepmod.schema.KernelReport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * Writes each kernel's output files all-or-nothing: every file goes to a temporary name in the
 * output directory first, and only when all of them are complete are they renamed into place. Any
 * failure before the renames removes the temporary files and leaves the previous outputs untouched.
 */
public final class WriteKernelOutputs
    extends PTransform<PCollection<KernelResolution>, PCollection<KernelReport>> {

  @Override
  public PCollection<KernelReport> expand(PCollection<KernelResolution> resolutions) {
    return resolutions
        .apply("WriteAtomically", ParDo.of(new WriteFn()))
        .setCoder(AvroCoder.specific(KernelReport.class));
  }

  static final class WriteFn extends DoFn<KernelResolution, KernelReport> {
    private final Counter kernelsWritten = Metrics.counter(WriteKernelOutputs.class, "kernelsWritten");

    @ProcessElement
    public void process(@Element KernelResolution resolution, OutputReceiver<KernelReport> out) {
      out.output(write(resolution.spec(), resolution.result(), resolution.snapshot()));
      kernelsWritten.inc();
    }
  }

  /**
   * Writes the files of one kernel and returns its report.
   *
   * @param snapshot written as {@link Snapshots#FILE_NAME} with depmod's files, or alone when depmod
   *     writes nothing (a kernel with cycles is still worth comparing); null for none
   */
  public static KernelReport write(KernelSpec spec, DepmodResult result, byte[] snapshot) {
    List<String> stderr = new ArrayList<>(result.stderr());
    List<String> written = new ArrayList<>();
    int exitCode = result.exitCode();
    Map<String, byte[]> files = new LinkedHashMap<>(result.files());
    if (snapshot != null && !spec.settings().dryRun()) files.put(Snapshots.FILE_NAME, snapshot);
    if (!files.isEmpty()) {
      String failure = writeAll(spec, files);
      if (failure == null) {
        written.addAll(files.keySet());
      } else {
        stderr.add(failure);
        exitCode = 1;
      }
    }
    DepmodResult.Stats stats = result.stats();
    return KernelReport.newBuilder()
        .setKernel(spec.kernel())
        .setExitCode(exitCode)
        .setStderr(stderr)
        .setStdout(ByteBuffer.wrap(result.stdout()))
        .setModules(stats.modules())
        .setExports(stats.exports())
        .setUnresolved(stats.unresolved())
        .setCycleModules(stats.cycleModules())
        .setUnreadableModules(stats.unreadableModules())
        .setFilesWritten(written)
        .build();
  }

  /** @return null on success, else depmod's message for the failure */
  private static String writeAll(KernelSpec spec, Map<String, byte[]> files) {
    ResourceId dir = FileSystems.matchNewResource(spec.outputDir(), true);
    String failure = createLocalDirectory(spec, dir);
    if (failure != null) return failure;
    String tag = "." + UUID.randomUUID() + ".tmp";
    List<ResourceId> temps = new ArrayList<>();
    List<ResourceId> targets = new ArrayList<>();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      ResourceId target = dir.resolve(file.getKey(), StandardResolveOptions.RESOLVE_FILE);
      ResourceId temp = dir.resolve(file.getKey() + tag, StandardResolveOptions.RESOLVE_FILE);
      try (OutputStream os = Channels.newOutputStream(FileSystems.create(temp, "application/octet-stream"))) {
        temps.add(temp);
        os.write(file.getValue());
      } catch (IOException e) {
        failure =
            temps.isEmpty()
                ? "depmod: FATAL: could not create directory " + spec.outputDirName() + ": " + Errno.strerror(e)
                : "depmod: ERROR: could not write " + spec.outputDirName() + "/" + temp.getFilename()
                    + ": " + Errno.strerror(e);
        break;
      }
      targets.add(target);
    }
    if (failure == null) failure = checkTargetsReplaceable(spec, targets);
    if (failure == null) {
      try {
        FileSystems.rename(temps, targets, StandardMoveOptions.IGNORE_MISSING_FILES);
        return null;
      } catch (IOException e) {
        failure = "depmod: FATAL: could not rename outputs into " + spec.outputDirName() + ": " + Errno.strerror(e);
      }
    }
    try {
      FileSystems.delete(temps, StandardMoveOptions.IGNORE_MISSING_FILES);
    } catch (IOException e) {
      failure += "\ndepmod: ERROR: could not remove temporary files in " + spec.outputDirName() + ": " + Errno.strerror(e);
    }
    return failure;
  }

  /**
   * Creates a local output directory with its parents first, as depmod does, so that a failure
   * names its real reason: Beam's local file system only says it could not create the parents.
   * (Object stores have no directories to create.)
   */
  private static String createLocalDirectory(KernelSpec spec, ResourceId dir) {
    if (!"file".equals(dir.getScheme())) return null;
    Path path = Paths.get(dir.toString());
    try {
      Files.createDirectories(path);
      return null;
    } catch (FileAlreadyExistsException e) {
      // Not a directory. A dangling symlink passes depmod's mkdir (EEXIST) and fails its open; for
      // anything else depmod prints a stale errno value, ENOTDIR is what its mkdir_p returns.
      return Files.isSymbolicLink(path) && !Files.exists(path)
          ? "depmod: FATAL: could not open directory " + spec.outputDirName() + ": " + Errno.ENOENT.text()
          : "depmod: FATAL: could not create directory " + spec.outputDirName() + ": Not a directory";
    } catch (IOException e) {
      return "depmod: FATAL: could not create directory " + spec.outputDirName() + ": " + Errno.strerror(e);
    }
  }

  /** A directory standing where an output file goes would fail the rename half-way: refuse up front. */
  private static String checkTargetsReplaceable(KernelSpec spec, List<ResourceId> targets) {
    try {
      for (MatchResult match : FileSystems.matchResources(targets)) {
        if (match.status() == MatchResult.Status.OK) {
          for (MatchResult.Metadata m : match.metadata()) {
            if (m.resourceId().isDirectory()) {
              String name = m.resourceId().getFilename();
              return "depmod: FATAL: renameat(" + spec.outputDirName() + ", " + name + ".tmp, "
                  + spec.outputDirName() + ", " + name + "): Is a directory";
            }
          }
        }
      }
      return null;
    } catch (IOException e) {
      return "depmod: FATAL: could not open directory " + spec.outputDirName() + ": " + Errno.strerror(e);
    }
  }
}
