package dev.beamdepmod.transforms;

import dev.beamdepmod.module.Errno;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An output directory on the local file system, prepared for {@link WriteKernelOutputs}: created as
 * depmod creates it (with depmod's messages), locked against other beam-depmod runs on this host for
 * the rest of the write, and cleared of the temporary files that runs killed before their renames
 * left behind.
 *
 * <p>The lock is one file per user in java.io.tmpdir (never in the output directory, which holds
 * only depmod's files), held from before the first temporary file to after the last rename: writes
 * take a fraction of a second, so serialising all of a user's runs on the host costs nothing. While
 * a run holds it, no other run of the same user on this host has temporary files anywhere, so the
 * user's temporary files found then belong to runs that died. Files of other users are left alone.
 */
final class LocalOutputDirectory implements AutoCloseable {
  /** The directory cannot be used; the message is depmod's. */
  static final class Failure extends Exception {
    Failure(String depmodMessage) {
      super(depmodMessage, null, false, false);
    }
  }

  /** Our temporary files: an output name, a random UUID, ".tmp" (see {@link WriteKernelOutputs}). */
  private static final Pattern TEMP =
      Pattern.compile("(.+)\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.tmp");

  /** File locks are per process: the threads of one JVM writing kernels in parallel queue here first. */
  private static final ReentrantLock IN_PROCESS = new ReentrantLock();

  private final Path lockPath;
  private final FileChannel lockFile;
  private final FileLock lock;

  private LocalOutputDirectory(Path lockPath, FileChannel lockFile, FileLock lock) {
    this.lockPath = lockPath;
    this.lockFile = lockFile;
    this.lock = lock;
  }

  /**
   * Creates, locks and clears the directory.
   *
   * @param outputNames the files about to be written: only temporary files of these are removed
   * @param warnings receives a message per stale temporary file that could not be removed
   */
  static LocalOutputDirectory open(Path dir, String dirName, Set<String> outputNames, List<String> warnings)
      throws Failure {
    createDirectories(dir, dirName);
    IN_PROCESS.lock();
    LocalOutputDirectory opened = lock();
    boolean ready = false;
    try {
      if (opened.lock != null) {
        removeStaleTemporaryFiles(dir, dirName, outputNames, opened, warnings);
      }
      ready = true;
      return opened;
    } finally {
      if (!ready) {
        opened.close();
      }
    }
  }

  /** Takes this user's lock; without one (an unwritable temp directory) the write goes on unlocked. */
  private static LocalOutputDirectory lock() {
    Path path = Path.of(System.getProperty("java.io.tmpdir"), "beam-depmod-" + System.getProperty("user.name") + ".lock");
    FileChannel channel = null;
    try {
      channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      return new LocalOutputDirectory(path, channel, channel.lock());
    } catch (IOException e) {
      closeQuietly(channel);
      return new LocalOutputDirectory(path, null, null);
    }
  }

  /** Whose files may be removed: the lock file's owner, that is the user running this write. */
  private UserPrincipal owner() throws IOException {
    return Files.getOwner(lockPath);
  }

  @Override
  public void close() {
    if (lock != null) {
      try {
        lock.release();
      } catch (IOException ignored) {
        // Closing the channel releases it as well.
      }
    }
    closeQuietly(lockFile);
    IN_PROCESS.unlock();
  }

  /**
   * kmod's "mkdir -p" as the oracle behaves: an existing non-directory (or a link to one) as the last
   * component is "No such file or directory", anywhere before it "Not a directory"; a dangling link
   * as the last component passes creation and fails the following open.
   */
  private static void createDirectories(Path dir, String dirName) throws Failure {
    Path path = dir.getRoot();
    for (int i = 0; i < dir.getNameCount(); i++) {
      path = path.resolve(dir.getName(i));
      boolean last = i == dir.getNameCount() - 1;
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(path, BasicFileAttributes.class);
      } catch (NoSuchFileException e) {
        attributes = null;
      } catch (IOException e) {
        throw new Failure("depmod: FATAL: could not create directory " + dirName + ": " + Errno.strerror(e));
      }
      if (attributes != null) {
        if (!attributes.isDirectory()) {
          throw new Failure("depmod: FATAL: could not create directory " + dirName + ": "
              + (last ? "No such file or directory" : "Not a directory"));
        }
        continue;
      }
      if (Files.isSymbolicLink(path)) {
        throw new Failure("depmod: FATAL: could not " + (last ? "open" : "create") + " directory " + dirName
            + ": No such file or directory");
      }
      try {
        Files.createDirectory(path);
      } catch (FileAlreadyExistsException e) {
        if (!Files.isDirectory(path)) {
          throw new Failure("depmod: FATAL: could not create directory " + dirName + ": File exists");
        }
        // Another run created it just now.
      } catch (IOException e) {
        throw new Failure("depmod: FATAL: could not create directory " + dirName + ": " + Errno.strerror(e));
      }
    }
  }

  private static void removeStaleTemporaryFiles(
      Path dir, String dirName, Set<String> outputNames, LocalOutputDirectory locked, List<String> warnings) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      UserPrincipal user = locked.owner();
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        Matcher m = TEMP.matcher(name);
        if (m.matches() && outputNames.contains(m.group(1)) && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
            && user.equals(Files.getOwner(entry, LinkOption.NOFOLLOW_LINKS))) {
          try {
            Files.deleteIfExists(entry);
          } catch (IOException e) {
            warnings.add("depmod: WARNING: could not remove stale temporary file " + dirName + "/" + name + ": "
                + Errno.strerror(e));
          }
        }
      }
    } catch (IOException e) {
      // Unlistable: the write that follows reports the directory's problem.
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Nothing was written through it.
      }
    }
  }
}
