package dev.beamdepmod.transforms;

import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Parses modules on threads shared by every DoFn instance of the JVM, so that one element (a
 * batch of files, a package) uses every core, and results come back in submission order.
 *
 * <p>One thread per core: each holds at most one decompressed module, so the heap these need
 * scales with the cores (docs/running-on-clusters.md, "Memory").
 */
final class ParsePool {
  private static final int THREADS = Runtime.getRuntime().availableProcessors();
  private static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, r -> {
    Thread t = new Thread(r, "beam-depmod-parse");
    t.setDaemon(true);
    return t;
  });

  /** Tasks in flight per thread before {@link #submit} waits; bounds the input bytes held. */
  private static final int IN_FLIGHT_PER_THREAD = 2;

  private ParsePool() {}

  static <T> Ordered<T> ordered(Consumer<T> sink) {
    return new Ordered<>(sink);
  }

  /** Tasks whose results reach the sink in the order they were submitted. */
  static final class Ordered<T> {
    private final ArrayDeque<Future<T>> pending = new ArrayDeque<>();
    private final Consumer<T> sink;

    private Ordered(Consumer<T> sink) {
      this.sink = sink;
    }

    /** Submits a task, first handing finished results to the sink while too many are in flight. */
    void submit(Callable<T> task) throws InterruptedIOException {
      pending.add(POOL.submit(task));
      while (pending.size() > THREADS * IN_FLIGHT_PER_THREAD) emit();
    }

    /** Waits for every task and hands its result to the sink. */
    void finish() throws InterruptedIOException {
      while (!pending.isEmpty()) emit();
    }

    /** Abandons the tasks not yet handed over. */
    void cancel() {
      pending.forEach(f -> f.cancel(true));
      pending.clear();
    }

    private void emit() throws InterruptedIOException {
      try {
        sink.accept(pending.poll().get());
      } catch (InterruptedException e) {
        cancel();
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted");
      } catch (ExecutionException e) {
        cancel();
        throw new IllegalStateException("module reader failed unexpectedly", e.getCause());
      }
    }
  }
}
