package dev.beamdepmod.jobs.depmod;

import static dev.beamdepmod.config.DepmodMessage.fatal;
import static dev.beamdepmod.config.DepmodMessage.warning;

import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.module.Errno;
import dev.beamdepmod.transforms.WriteKernelOutputs;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * An output directory on the local file system, made ready by the launcher before the pipeline
 * that writes into it ({@link WriteKernelOutputs}, which itself only uses Beam's FileSystems):
 * created as depmod creates it (with depmod's messages), locked against other beam-depmod runs on
 * this host until closed after the pipeline, and cleared of the temporary files that runs killed
 * before their renames left behind. Closing removes again the directories created here that stayed
 * empty: a run that writes nothing leaves nothing, as depmod does when it has nothing to write
 * (it creates the directory only then, after resolving, which the launcher cannot wait for).
 *
 * <p>The lock is one file per user in java.io.tmpdir (never in the output directory, which holds
 * only depmod's files). It is held across the whole pipeline, which on the DirectRunner and on
 * Flink's embedded cluster runs in this JVM, so it covers the write from the first temporary file
 * to the last rename. While a run holds it, no other run of the same user on this host has
 * temporary files anywhere, so the user's temporary files found then belong to runs that died.
 * Files of other users are left alone.
 */
public final class LocalOutputDirectory implements AutoCloseable {
  /** File locks are per process: runs in one JVM (tests, threads) queue here first. */
  private static final ReentrantLock IN_PROCESS = new ReentrantLock();

  /** The directory cannot be used; the message is the text of depmod's FATAL. */
  private static final class Failure extends Exception {
    Failure(String fatalText) {
      super(fatalText, null, false, false);
    }
  }

  private final FileChannel lockFile;
  private final FileLock lock;
  private final UserPrincipal user;
  private final List<Path> created = new ArrayList<>();
  private final Consumer<DepmodMessage> log;
  private DepmodMessage failure;

  private LocalOutputDirectory(FileChannel lockFile, FileLock lock, UserPrincipal user, Consumer<DepmodMessage> log) {
    this.lockFile = lockFile;
    this.lock = lock;
    this.user = user;
    this.log = log;
  }

  /** The local directory a FileSystems location names, or null for another file system. */
  public static Path localPath(String location) {
    ResourceId dir = FileSystems.matchNewResource(location, true);
    return "file".equals(dir.getScheme()) && dir.toString().startsWith("/") ? Path.of(dir.toString()) : null;
  }

  /**
   * Locks, creates and clears one kernel's output directory.
   *
   * @param dirName the directory as depmod names it in messages
   * @param log gets the warnings about stale temporary files that could not be removed
   */
  public static LocalOutputDirectory prepare(Path dir, String dirName, Consumer<DepmodMessage> log) {
    return prepare(dir, dirName, false, log);
  }

  /** Likewise for a directory whose subdirectories are kernels' output directories (the matrix). */
  public static LocalOutputDirectory prepareRoot(Path root, String rootName, Consumer<DepmodMessage> log) {
    return prepare(root, rootName, true, log);
  }

  private static LocalOutputDirectory prepare(Path dir, String dirName, boolean root, Consumer<DepmodMessage> log) {
    IN_PROCESS.lock();
    LocalOutputDirectory opened = null;
    boolean ready = false;
    try {
      opened = lock(log);
      try {
        opened.createDirectories(dir, dirName);
        if (opened.user != null) {
          opened.clear(dir, dirName, root);
        }
      } catch (Failure f) {
        opened.failure = fatal(f.getMessage());
      }
      ready = true;
      return opened;
    } finally {
      if (!ready && opened != null) {
        opened.close();
      } else if (!ready) {
        IN_PROCESS.unlock();
      }
    }
  }

  /** depmod's message when the directory cannot be used (nothing may be written then), else null. */
  public DepmodMessage failure() {
    return failure;
  }

  /** Takes this user's lock; without one (an unwritable temp directory) the run goes on unlocked and clears nothing. */
  private static LocalOutputDirectory lock(Consumer<DepmodMessage> log) {
    Path path = Path.of(System.getProperty("java.io.tmpdir"), "beam-depmod-" + System.getProperty("user.name") + ".lock");
    FileChannel channel = null;
    try {
      channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      return new LocalOutputDirectory(channel, channel.lock(), owner(path), log);
    } catch (IOException e) {
      closeQuietly(channel);
      return new LocalOutputDirectory(null, null, null, log);
    }
  }

  /** Whose files may be removed: the lock file's owner, that is the user running this (null: unknown, none). */
  private static UserPrincipal owner(Path lockPath) {
    try {
      return Files.getOwner(lockPath);
    } catch (IOException e) {
      return null;
    }
  }

  /** Removes the directories created here that stayed empty, then unlocks. */
  @Override
  public void close() {
    try {
      for (int i = created.size() - 1; i >= 0; i--) {
        Files.delete(created.get(i));
      }
    } catch (IOException e) {
      // Not empty: written into, so kept with its parents.
    }
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
  private void createDirectories(Path dir, String dirName) throws Failure {
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
        throw new Failure("could not create directory " + dirName + ": " + Errno.strerror(e));
      }
      if (attributes != null) {
        if (!attributes.isDirectory()) {
          throw new Failure("could not create directory " + dirName + ": "
              + (last ? "No such file or directory" : "Not a directory"));
        }
        continue;
      }
      if (Files.isSymbolicLink(path)) {
        throw new Failure("could not " + (last ? "open" : "create") + " directory " + dirName
            + ": No such file or directory");
      }
      try {
        Files.createDirectory(path);
        created.add(path);
      } catch (FileAlreadyExistsException e) {
        if (!Files.isDirectory(path)) {
          throw new Failure("could not create directory " + dirName + ": File exists");
        }
        // Another run created it just now.
      } catch (IOException e) {
        throw new Failure("could not create directory " + dirName + ": " + Errno.strerror(e));
      }
    }
  }

  /** Removes the stale temporary files in dir, or with root in each of its subdirectories. */
  private void clear(Path dir, String dirName, boolean root) {
    if (!root) {
      removeStaleTemporaryFiles(dir, dirName);
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, Files::isDirectory)) {
      for (Path kernel : entries) {
        removeStaleTemporaryFiles(kernel, dirName + "/" + kernel.getFileName());
      }
    } catch (IOException e) {
      // Unlistable: the write that follows reports the directory's problem.
    }
  }

  private void removeStaleTemporaryFiles(Path dir, String dirName) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (WriteKernelOutputs.isTemporaryFile(name) && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
            && user.equals(Files.getOwner(entry, LinkOption.NOFOLLOW_LINKS))) {
          try {
            Files.deleteIfExists(entry);
          } catch (IOException e) {
            log.accept(warning("could not remove stale temporary file " + dirName + "/" + name + ": "
                + Errno.strerror(e)));
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
