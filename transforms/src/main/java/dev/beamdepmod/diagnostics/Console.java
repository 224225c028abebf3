package dev.beamdepmod.diagnostics;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.schema.ConsoleRecord;
import dev.beamdepmod.schema.Diagnostic;
import dev.beamdepmod.schema.KernelReport;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What one depmod run prints for its kernel: stderr, stdout and the exit status, the only place they
 * are put together and printed (docs/depmod-rules.md §3).
 *
 * <p>depmod prints every message the moment it arises, so its stderr is in the order of its work.
 * One console goes along with the kernel through that work, and each step appends at the point
 * where depmod would print: the command line and discovery in the launcher (or the matrix's
 * driver), the output directory's preparation, then, carried in the kernel's spec through the
 * pipeline, the reading and resolution, the writing, and back to the launcher in the kernel's
 * report. No step keeps messages of its own to be joined later, so no step can put them in the
 * wrong place. Between pipeline steps a console is copied, never changed in place.
 */
public final class Console implements Consumer<DepmodMessage>, Serializable {
  private final int verbose;
  private final List<DepmodMessage> messages = new ArrayList<>();
  private final StringBuilder stdout = new StringBuilder();
  private boolean failed;

  /** @param verbose the number of -v: which levels are shown */
  public Console(int verbose) {
    this.verbose = verbose;
  }

  /** A copy to go on with, leaving this one as it is. */
  public Console copy() {
    Console c = new Console(verbose);
    c.messages.addAll(messages);
    c.stdout.append(stdout);
    c.failed = failed;
    return c;
  }

  /** The console a report carries; @param verbose the threshold for what is added afterwards */
  public static Console of(KernelReport report, int verbose) {
    Console c = new Console(verbose);
    for (Diagnostic d : report.getStderr()) c.messages.add(DepmodMessage.of(d));
    c.stdout.append(ISO_8859_1.decode(report.getStdout().duplicate()));
    c.failed = report.getExitCode() != 0;
    return c;
  }

  /** The console as it crosses the pipeline inside a kernel's spec or resolution. */
  public ConsoleRecord record() {
    return new ConsoleRecord(
        verbose, messages.stream().map(DepmodMessage::diagnostic).toList(), ByteBuffer.wrap(stdout()), failed);
  }

  /** The console a {@link #record()} holds. */
  public static Console of(ConsoleRecord record) {
    Console c = new Console(record.getVerbose());
    for (Diagnostic d : record.getStderr()) c.messages.add(DepmodMessage.of(d));
    c.stdout.append(ISO_8859_1.decode(record.getStdout().duplicate()));
    c.failed = record.getFailed();
    return c;
  }

  /** A report's stderr lines, each without its newline. */
  public static List<String> lines(KernelReport report) {
    return lines(report.getStderr().stream().map(DepmodMessage::of).toList());
  }

  /** Prints the message if the verbosity shows it. A FATAL ends depmod with exit status 1, shown or not. */
  @Override
  public void accept(DepmodMessage m) {
    if (m.shownAt(verbose)) messages.add(m);
    if (m.level() == DepmodMessage.Level.FATAL) failed = true;
  }

  /** Text for stdout, ISO-8859-1 chars: the -v dependency lines, the -n outputs. */
  public void print(CharSequence text) {
    stdout.append(text);
  }

  /** The run ends with exit status 1. */
  public void fail() {
    failed = true;
  }

  public int exitStatus() {
    return failed ? 1 : 0;
  }

  /** The stderr lines, each without its newline (a line may hold a newline of its own text). */
  public List<String> lines() {
    return lines(messages);
  }

  public byte[] stdout() {
    return stdout.toString().getBytes(ISO_8859_1);
  }

  /** stderr's bytes: every line with its newline. */
  public byte[] stderr() {
    StringBuilder s = new StringBuilder();
    for (String line : lines()) s.append(line).append('\n');
    return s.toString().getBytes(ISO_8859_1);
  }

  /** A kernel report with this console's stderr, stdout and exit status. */
  public KernelReport.Builder report(String kernel) {
    return KernelReport.newBuilder()
        .setKernel(kernel)
        .setExitCode(exitStatus())
        .setStderr(messages.stream().map(DepmodMessage::diagnostic).toList())
        .setStdout(ByteBuffer.wrap(stdout()));
  }

  /** Prints stderr, then stdout. @return the exit status */
  public int printTo(PrintStream out, PrintStream err) {
    err.writeBytes(stderr());
    out.writeBytes(stdout());
    return exitStatus();
  }

  private static List<String> lines(List<DepmodMessage> messages) {
    return messages.stream().map(DepmodMessage::line).toList();
  }
}
