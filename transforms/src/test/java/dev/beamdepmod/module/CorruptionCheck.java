package dev.beamdepmod.module;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * scripts/corrupt.sh's runner: {@link Corruption} over the module files named on the command line,
 * with a watchdog that stops the run when one read takes longer than the bound.
 *
 * <p>Arguments: FLIPS_PER_FILE MAX_TRUNCATIONS_PER_FILE MAX_SECONDS_PER_READ FILE... A file
 * longer than MAX_TRUNCATIONS_PER_FILE bytes is cut at evenly spaced points, a shorter one at every
 * byte. Prints one line per finding and a summary; exit status 0 (nothing found), 1 (findings) or 2
 * (a read exceeded the bound).
 */
public final class CorruptionCheck {
  private CorruptionCheck() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int flips = Integer.parseInt(args[0]);
    int maxTruncations = Integer.parseInt(args[1]);
    long boundNanos = (long) (Double.parseDouble(args[2]) * 1e9);
    List<Corruption.Finding> findings = new ArrayList<>();
    Corruption[] running = new Corruption[1];
    Thread watchdog = new Thread(() -> watch(running, boundNanos));
    watchdog.setDaemon(true);
    watchdog.start();
    long reads = 0;
    long slowestNanos = 0;
    String slowest = "";
    long start = System.nanoTime();
    for (int i = 3; i < args.length; i++) {
      Path file = Path.of(args[i]);
      byte[] content = Files.readAllBytes(file);
      Corruption corruption = new Corruption(args[i], content, f -> {
        findings.add(f);
        System.out.println("FINDING " + f);
      });
      synchronized (running) {
        running[0] = corruption;
      }
      corruption.truncations((content.length + maxTruncations - 1) / maxTruncations);
      corruption.flips(flips, args[i].hashCode());
      synchronized (running) {
        running[0] = null;
      }
      reads += corruption.reads;
      if (corruption.slowestNanos > slowestNanos) {
        slowestNanos = corruption.slowestNanos;
        slowest = args[i] + " " + corruption.slowest;
      }
    }
    System.out.printf("%d files, %d reads in %.1f s, %d findings; slowest read %.1f ms (%s)%n",
        args.length - 3, reads, (System.nanoTime() - start) / 1e9, findings.size(), slowestNanos / 1e6, slowest);
    System.exit(findings.isEmpty() ? 0 : 1);
  }

  private static void watch(Corruption[] running, long boundNanos) {
    while (true) {
      Corruption c;
      synchronized (running) {
        c = running[0];
      }
      Corruption.Read read = c == null ? null : c.current;
      if (read != null && System.nanoTime() - read.started() > boundNanos) {
        System.out.println("HANG " + c.name + " " + read.mutation() + ": one read took over " + boundNanos / 1e9 + " s");
        System.exit(2);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
