package dev.beamdepmod.module;

import dev.beamdepmod.schema.ModuleRecord;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Systematic corruption of one module file: the reader gets every strict prefix of the file and a
 * number of copies with random bytes changed, and must answer each with a record, never an exception
 * (an OutOfMemoryError or StackOverflowError included). A prefix of a compressed file must moreover
 * be refused ("failed to load symbols"): decoders check the stream's end. Used by CorruptionTest on
 * the fixture modules and by scripts/corrupt.sh on real kernels.
 */
final class Corruption {
  /** One input that broke a rule: what was done to the file and what went wrong. */
  record Finding(String file, String mutation, String problem) {
    @Override
    public String toString() {
      return file + " " + mutation + ": " + problem;
    }
  }

  private static final String PATH = "/lib/modules/1.0/kernel/corrupt.ko";
  private static final byte[][] COMPRESSED_MAGIC = {
      {(byte) 0xFD, '7', 'z', 'X', 'Z', 0}, {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD}, {0x1F, (byte) 0x8B}};

  final String name;
  private final byte[] file;
  private final Consumer<Finding> findings;
  /** One read under way: what was done to the file, and since when (System.nanoTime). */
  record Read(String mutation, long started) {}

  /**
   * The read under way, null between reads, for a watchdog to name a read that does not end.
   * Published as one object, so a watchdog never pairs a mutation with another read's start time
   * (or with none).
   */
  volatile Read current;
  long reads;
  long slowestNanos;
  String slowest = "";

  Corruption(String name, byte[] file, Consumer<Finding> findings) {
    this.name = name;
    this.file = file;
    this.findings = findings;
  }

  /** The prefixes shorter than the file whose length is a multiple of stride (1: all of them). */
  void truncations(int stride) {
    boolean compressed = isCompressed();
    for (int length = 0; length < file.length; length += stride) {
      ModuleRecord record = read("truncated to " + length, Arrays.copyOf(file, length));
      if (compressed && record != null && !failed(record)) {
        findings.accept(new Finding(name, "truncated to " + length, "a cut compressed file read as complete"));
      }
    }
  }

  /** count copies with 1 to 8 bytes replaced at random places, reproducible from seed. */
  void flips(int count, long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < count && file.length > 0; i++) {
      byte[] copy = file.clone();
      int changes = 1 + random.nextInt(8);
      StringBuilder what = new StringBuilder("bytes changed (seed " + seed + ", copy " + i + "):");
      for (int c = 0; c < changes; c++) {
        int at = random.nextInt(copy.length);
        copy[at] ^= (byte) (1 + random.nextInt(255));
        what.append(' ').append(at);
      }
      read(what.toString(), copy);
    }
  }

  private ModuleRecord read(String mutation, byte[] content) {
    Read read = new Read(mutation, System.nanoTime());
    current = read;
    reads++;
    try {
      ModuleRecord record = ModuleReader.read(PATH, ByteBufferSource.of(content));
      long took = System.nanoTime() - read.started();
      if (took > slowestNanos) {
        slowestNanos = took;
        slowest = mutation;
      }
      for (String message : ModuleRecords.messages(record)) {
        if (!message.startsWith("ERROR: ")) {
          findings.accept(new Finding(name, mutation, "message without level: " + message));
        }
      }
      return record;
    } catch (Throwable t) {
      findings.accept(new Finding(name, mutation, t.toString()));
      return null;
    } finally {
      current = null;
    }
  }

  private static boolean failed(ModuleRecord record) {
    return ModuleRecords.messages(record).stream().anyMatch(m -> m.startsWith("ERROR: failed to load symbols from "));
  }

  private boolean isCompressed() {
    for (byte[] magic : COMPRESSED_MAGIC) {
      if (file.length >= magic.length && Arrays.equals(file, 0, magic.length, magic, 0, magic.length)) {
        return true;
      }
    }
    return false;
  }
}
