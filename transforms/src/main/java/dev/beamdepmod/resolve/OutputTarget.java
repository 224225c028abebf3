package dev.beamdepmod.resolve;

import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.diagnostics.Console;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where a kernel's outputs go, the one owner of the -n and output-directory rules
 * (docs/depmod-rules.md §2.5-§2.7, §10, §11). With -n the text outputs go to stdout and nothing is
 * written: no directory is made, -A has nothing to bring up to date, the indexes are not built and
 * modules.builtin(.modinfo), read only for theirs, are not opened. Otherwise the outputs go to the
 * output directory, which depmod makes just before its first file: one found unusable before the
 * pipeline ends the run there, with its FATAL, and nothing is written.
 *
 * @param dryRun -n
 * @param unusable depmod's message for an output directory that cannot be used (made by the
 *     launcher before the pipeline, as depmod makes it), or null when it can be
 */
public record OutputTarget(boolean dryRun, DepmodMessage unusable) implements Serializable {

  public static OutputTarget of(DepmodSettings settings, DepmodMessage unusable) {
    return new OutputTarget(settings.dryRun(), unusable);
  }

  /** -A compares the files with the modules; with -n depmod exits at once instead. */
  public boolean checksUpToDate() {
    return !dryRun;
  }

  /** Whether there is an output directory to prepare before the pipeline. */
  public boolean needsDirectory() {
    return !dryRun;
  }

  /** modules.builtin and modules.builtin.modinfo are opened only while their indexes are written. */
  public boolean readsBuiltinLists() {
    return !dryRun;
  }

  /**
   * depmod makes the output directory before producing its first file (after the cycle check):
   * with an unusable one, prints its message there and produces nothing.
   *
   * @return whether the outputs are produced
   */
  public boolean open(Console console) {
    if (unusable == null || dryRun) return true;
    console.accept(unusable);
    console.fail();
    return false;
  }

  /** A text output: to stdout with -n, else to its file. */
  public void text(String name, String content, Map<String, byte[]> files, Console console) {
    if (dryRun) {
      console.print(content);
    } else {
      files.put(name, content.getBytes(StandardCharsets.ISO_8859_1));
    }
  }

  /** An index: built only to be written. */
  public void index(String name, Supplier<byte[]> content, Map<String, byte[]> files) {
    if (!dryRun) files.put(name, content.get());
  }

  /** The comparison snapshot goes along with the written files. */
  public boolean writesSnapshot() {
    return !dryRun;
  }

  /** Whether these files (the outputs, the snapshot) are written now: not into an unusable directory. */
  public boolean writes(Map<String, byte[]> files) {
    return !files.isEmpty() && unusable == null;
  }
}
