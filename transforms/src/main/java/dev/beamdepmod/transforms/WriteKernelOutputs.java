package dev.beamdepmod.transforms;

import static dev.beamdepmod.config.DepmodMessage.error;
import static dev.beamdepmod.config.DepmodMessage.fatal;

import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.diagnostics.Console;
import dev.beamdepmod.module.Errno;
import dev.beamdepmod.diff.Snapshots;
import dev.beamdepmod.resolve.DepmodResult;
import dev.beamdepmod.resolve.OutputTarget;
import dev.beamdepmod.schema.KernelReport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * All I/O goes through Beam's FileSystems, so the directory can be local or on an object store. A
 * run killed before its renames leaves its temporary files behind; for a local directory, the
 * launcher of the next run removes them ({@link #isTemporaryFile}) before its pipeline starts.
 */
public final class WriteKernelOutputs
    extends PTransform<PCollection<KernelResolution>, PCollection<KernelReport>> {
  /** Our temporary files: an output name, a random UUID, ".tmp" (see {@link #writeAtomically}). */
  private static final Pattern TEMPORARY =
      Pattern.compile("(.+)\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.tmp");

  /**
   * Whether a file name is a temporary name this writer gives one of its files (depmod's, all
   * named {@code modules.*}, and the snapshot); other files with such names are not ours.
   */
  public static boolean isTemporaryFile(String name) {
    Matcher m = TEMPORARY.matcher(name);
    return m.matches() && (m.group(1).startsWith("modules.") || m.group(1).equals(Snapshots.FILE_NAME));
  }

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
    Console console = result.console();
    OutputTarget target = spec.target();
    List<String> written = new ArrayList<>();
    Map<String, byte[]> files = new LinkedHashMap<>(result.files());
    if (snapshot != null && target.writesSnapshot()) files.put(Snapshots.FILE_NAME, snapshot);
    if (target.writes(files)) {
      if (writeAtomically(spec, FileSystems.matchNewResource(spec.outputDir(), true), files, console)) {
        written.addAll(files.keySet());
      } else {
        console.fail();
      }
    }
    DepmodResult.Stats stats = result.stats();
    return console.report(spec.kernel())
        .setModules(stats.modules())
        .setExports(stats.exports())
        .setUnresolved(stats.unresolved())
        .setCycleModules(stats.cycleModules())
        .setUnreadableModules(stats.unreadableModules())
        .setFilesWritten(written)
        .build();
  }

  /**
   * Every file to a temporary name, then all renamed into place. A failure before the renames
   * changes no file; a rename that fails leaves the files renamed before it in place.
   *
   * @param console gets depmod's messages for a failure
   * @return whether all files were written
   */
  private static boolean writeAtomically(KernelSpec spec, ResourceId dir, Map<String, byte[]> files, Console console) {
    String tag = "." + UUID.randomUUID() + ".tmp";
    String dirName = spec.outputDirName();
    List<ResourceId> temps = new ArrayList<>();
    List<ResourceId> targets = new ArrayList<>();
    DepmodMessage failure = null;
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      ResourceId temp = dir.resolve(file.getKey() + tag, StandardResolveOptions.RESOLVE_FILE);
      WritableByteChannel channel;
      try {
        channel = FileSystems.create(temp, "application/octet-stream");
      } catch (IOException e) {
        failure = error("openat(" + dirName + ", " + temp.getFilename() + ", 301, 644): " + Errno.strerror(e));
        break;
      }
      temps.add(temp);
      try (OutputStream os = Channels.newOutputStream(channel)) {
        os.write(file.getValue());
      } catch (IOException e) {
        // kmod renames the cut file into place and says "Output is truncated"; here nothing is replaced.
        failure = error("Could not create index '" + file.getKey() + "'. No output file was replaced: "
            + Errno.strerror(e));
        break;
      }
      targets.add(dir.resolve(file.getKey(), StandardResolveOptions.RESOLVE_FILE));
    }
    if (failure == null) {
      failure = checkTargetsReplaceable(spec, temps, targets);
    }
    int renamed = 0;
    if (failure == null) {
      // One by one, so a failure names its file; the files renamed before it stay in place, as in kmod.
      for (; renamed < temps.size(); renamed++) {
        try {
          FileSystems.rename(List.of(temps.get(renamed)), List.of(targets.get(renamed)));
        } catch (IOException e) {
          failure = renameFailure(spec, temps.get(renamed), targets.get(renamed), Errno.strerror(e));
          break;
        }
      }
      if (failure == null) {
        return true;
      }
    }
    console.accept(failure);
    try {
      FileSystems.delete(temps.subList(renamed, temps.size()), StandardMoveOptions.IGNORE_MISSING_FILES);
    } catch (IOException e) {
      console.accept(error("could not remove temporary files in " + dirName + ": " + Errno.strerror(e)));
    }
    return false;
  }

  /** A directory standing where an output file goes would fail the rename half-way: refuse up front. */
  private static DepmodMessage checkTargetsReplaceable(KernelSpec spec, List<ResourceId> temps, List<ResourceId> targets) {
    try {
      List<MatchResult> matches = FileSystems.matchResources(targets);
      for (int i = 0; i < matches.size(); i++) {
        if (matches.get(i).status() == MatchResult.Status.OK) {
          for (MatchResult.Metadata m : matches.get(i).metadata()) {
            if (m.resourceId().isDirectory()) {
              return renameFailure(spec, temps.get(i), targets.get(i), "Is a directory");
            }
          }
        }
      }
      return null;
    } catch (IOException e) {
      return fatal("could not open directory " + spec.outputDirName() + ": " + Errno.strerror(e));
    }
  }

  private static DepmodMessage renameFailure(KernelSpec spec, ResourceId temp, ResourceId target, String strerror) {
    String dir = spec.outputDirName();
    return fatal("renameat(" + dir + ", " + temp.getFilename() + ", " + dir + ", " + target.getFilename() + "): "
        + strerror);
  }
}
