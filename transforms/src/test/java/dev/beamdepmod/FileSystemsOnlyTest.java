package dev.beamdepmod;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * The transforms module does its file I/O only through Beam's FileSystems (and the channels it
 * gives), so inputs and outputs can be on any file system Beam supports; whatever needs the local
 * disk (depmod's directory walk, the output directory's creation and lock) belongs to the launcher
 * in jobs/. This scans every main source of the module for the JDK's local file APIs.
 */
public class FileSystemsOnlyTest {
  private static final Path SOURCES = Path.of("src", "main", "java");

  private static final Pattern LOCAL_FILE_IO = Pattern.compile(String.join("|",
      "\\bjava\\.io\\.File\\b",
      "\\bjava\\.io\\.\\*",
      // Any java.nio.file type but its exceptions (see ALLOWED)
      "\\bjava\\.nio\\.file\\.(?!\\w*Exception\\b)[\\w*]",
      "\\bnew File\\(",
      "\\bFiles\\.\\w",
      "\\bPaths\\.\\w",
      "\\bPath\\.of\\b",
      "\\bFileChannel\\.open\\b",
      "\\bAsynchronousFileChannel\\b",
      "\\bRandomAccessFile\\b",
      "\\bFileInputStream\\b",
      "\\bFileOutputStream\\b",
      "\\bFileReader\\b",
      "\\bFileWriter\\b"));

  /**
   * The one exception, with its only user: dev.beamdepmod.module.Errno classifies failures by the
   * java.nio.file exception types that Beam's local file system throws (NoSuchFileException,
   * AccessDeniedException, ...). Naming an exception type opens no file.
   */
  private static final Pattern ALLOWED = Pattern.compile("\\bjava\\.nio\\.file\\.\\w*Exception\\b");

  private static final List<String> ALLOWED_IN = List.of("dev/beamdepmod/module/Errno.java");

  @Test
  public void mainSourcesUseNoLocalFileApi() throws IOException {
    List<String> found = new ArrayList<>();
    List<String> allowed = new ArrayList<>();
    List<Path> sources;
    try (Stream<Path> s = Files.walk(SOURCES)) {
      sources = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    assertTrue("sources found under " + SOURCES.toAbsolutePath(), sources.size() > 50);
    for (Path source : sources) {
      String file = SOURCES.relativize(source).toString();
      List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = LOCAL_FILE_IO.matcher(lines.get(i));
        while (m.find()) found.add(file + ":" + (i + 1) + ": " + m.group());
        if (ALLOWED.matcher(lines.get(i)).find() && !ALLOWED_IN.contains(file)) {
          allowed.add(file + ":" + (i + 1) + ": " + lines.get(i).trim());
        }
      }
    }
    assertEquals("local file APIs in transforms/src/main (use Beam's FileSystems)", List.of(), found);
    assertEquals("java.nio.file exception types outside " + ALLOWED_IN, List.of(), allowed);
  }

  @Test
  public void theScanRecognisesEachApi() {
    for (String line : List.of("import java.io.File;", "import java.nio.file.Path;", "import java.nio.file.*;",
        "import java.nio.file.attribute.PosixFilePermission;", "new File(name)", "Files.readAllBytes(p)",
        "Paths.get(a)", "Path.of(a)", "FileChannel.open(p)", "new RandomAccessFile(f, \"r\")",
        "new FileInputStream(f)", "new FileOutputStream(f)", "new FileReader(f)", "new FileWriter(f)")) {
      assertTrue(line, LOCAL_FILE_IO.matcher(line).find());
    }
    for (String line : List.of("import java.io.FileNotFoundException;", "import java.nio.file.NoSuchFileException;",
        "FileSystems.create(temp, type)", "new DataFileWriter<>(w)", "channel instanceof FileChannel file")) {
      assertTrue(line, !LOCAL_FILE_IO.matcher(line).find());
    }
  }
}
