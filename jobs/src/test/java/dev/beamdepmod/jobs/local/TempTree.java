package dev.beamdepmod.jobs.local;

import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds file trees for the file-system tests. */
public final class TempTree {
  final Path root;

  public TempTree(Path root) {
    this.root = root;
  }

  public Path file(String rel) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.write(p, new byte[] {1});
    return p;
  }

  public Path file(String rel, String content) throws IOException {
    Path p = file(rel);
    Files.writeString(p, content);
    return p;
  }

  public Path dir(String rel) throws IOException {
    return Files.createDirectories(root.resolve(rel));
  }

  public Path symlink(String rel, String target) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    return Files.createSymbolicLink(p, Path.of(target));
  }

  public Path fifo(String rel) throws IOException, InterruptedException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    int status;
    try {
      status = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start().waitFor();
    } catch (IOException e) {
      status = -1;
    }
    assumeTrue("mkfifo is available", status == 0);
    return p;
  }

  public Path socket(String rel) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    try (ServerSocketChannel ch = ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
      ch.bind(UnixDomainSocketAddress.of(p));
    }
    return p;
  }

  public static void mtime(Path p, long epochSecond, int millis) throws IOException {
    Files.setLastModifiedTime(p, FileTime.from(Instant.ofEpochSecond(epochSecond, millis * 1_000_000L)));
  }

  /** Entry names of a directory in the order the walk sees them. */
  static List<String> listing(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (var s = Files.newDirectoryStream(dir)) {
      s.forEach(p -> names.add(p.getFileName().toString()));
    }
    return names;
  }
}
