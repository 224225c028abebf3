package dev.beamdepmod.index;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import dev.beamdepmod.index.IndexReader.Value;
import dev.beamdepmod.module.ModuleName;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.Test;

public class IndexReaderTest {
  /** docs/depmod-rules.md §A.9.1 (kmod 34.2, pre-order). */
  private static final String ALIAS_34 = """
      b0 07 f4 57 00 02 00 01 20 00 00 0c 61 6f c0 00
      00 4a 00 00 00 00 00 00 00 00 00 00 00 00 00 00
      00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
      00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
      00 00 00 00 00 00 e0 00 00 59 73 6b 5f 78 00 00
      00 00 01 00 00 00 01 62 00 6e 00 65 65 40 00 00
      71 00 00 00 02 00 00 00 00 61 00 00 00 00 01 62
      00 00 00 00 01 00 00 00 00 61 00
      """;

  /** docs/depmod-rules.md §A.9.2: the same index as kmod 30 writes it (post-order). */
  private static final String ALIAS_30 = """
      b0 07 f4 57 00 02 00 01 20 00 00 3d 73 6b 5f 78
      00 00 00 00 01 00 00 00 01 62 00 00 00 00 01 00
      00 00 00 61 00 6e 00 65 65 40 00 00 1b 00 00 00
      02 00 00 00 00 61 00 00 00 00 01 62 00 61 6f c0
      00 00 0c 00 00 00 00 00 00 00 00 00 00 00 00 00
      00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
      00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
      00 00 00 00 00 00 00 e0 00 00 25
      """;

  private static final Map<String, List<Value>> ALIASES = Map.of(
      "ask_x", List.of(new Value("b", 1)),
      "on", List.of(new Value("a", 0), new Value("b", 1)),
      "one", List.of(new Value("a", 0)));

  private static byte[] hex(String dump) {
    return HexFormat.of().parseHex(dump.replaceAll("\\s", ""));
  }

  private static String failure(String dump) {
    return assertThrows(IndexFormatException.class, () -> IndexReader.read(hex(dump))).getMessage();
  }

  @Test
  public void readsBothLayoutsOfTheSpecExample() throws Exception {
    assertEquals(ALIASES, IndexReader.read(hex(ALIAS_34)));
    assertEquals(ALIASES, IndexReader.read(hex(ALIAS_30)));
  }

  @Test
  public void readsBackWhatTheWriterWrites() throws Exception {
    Index index = new Index();
    index.insert("", "root", 7);
    index.insert("k", "mod1", 0);
    index.insert("k", "mod2", 0);
    index.insert("k", "late", 5);
    index.insert("kx", "", 0);
    assertEquals(
        Map.of("", List.of(new Value("root", 7)),
            "k", List.of(new Value("mod2", 0), new Value("mod1", 0), new Value("late", 5)),
            "kx", List.of(new Value("", 0))),
        IndexReader.read(index.toBytes()));
  }

  /**
   * Keys that each extend the one before share their nodes, so together they are far longer than
   * the file (here about 60 characters per file byte); the reader returns them all.
   */
  @Test
  public void readsKeysNestedFarDeeperThanTheFileIsLong() throws Exception {
    Index index = new Index();
    Map<String, List<Value>> expected = new TreeMap<>();
    for (int length = 1; length <= 2000; length++) {
      String key = "a".repeat(length);
      index.insert(key, "m", length);
      expected.put(key, List.of(new Value("m", length)));
    }
    byte[] file = index.toBytes();
    assertThat(2000L * 2001 / 2 / file.length, greaterThan(50L));
    assertEquals(expected, IndexReader.read(file));
  }

  @Test
  public void emptyIndexHasNoKeys() throws Exception {
    assertEquals(Map.of(), IndexReader.read(new Index().toBytes()));
  }

  @Test
  public void rejectsTheZeroByteFileOfAMissingModulesBuiltin() {
    assertThat(failure(""), containsString("shorter than the 12-byte header"));
  }

  @Test
  public void rejectsBadMagicAndVersion() {
    assertThat(failure("b007f458 00020001 0000000c"), containsString("bad magic"));
    assertThat(failure("b007f457 00030001 0000000c"), containsString("unsupported version"));
  }

  @Test
  public void minorVersionIsIgnoredAsLibkmodDoes() throws Exception {
    assertEquals(Map.of(), IndexReader.read(hex("b007f457 0002ffff 0000000c")));
  }

  @Test
  public void rejectsEveryTruncationOfAValidFile() {
    byte[] full = hex(ALIAS_34);
    for (int length = 0; length < full.length; length++) {
      byte[] cut = java.util.Arrays.copyOf(full, length);
      assertThrows("length " + length, IndexFormatException.class, () -> IndexReader.read(cut));
    }
  }

  @Test
  public void rejectsTrailingBytes() {
    assertEquals("offset 0xc: byte belongs to no node", failure("b007f457 00020001 0000000c 00"));
  }

  @Test
  public void rejectsANodeReachedTwice() {
    // root's child 'a' points back at the root itself
    assertThat(failure("b007f457 00020001 2000000c 6161 2000000c"), containsString("belongs to two nodes"));
  }

  @Test
  public void rejectsPointersOutsideTheFile() {
    assertThat(failure("b007f457 00020001 2000000c 6161 4fffffff"), containsString("node outside the file"));
    assertThat(failure("b007f457 00020001 20000008"), containsString("node outside the file"));
  }

  @Test
  public void rejectsAValueCountTheFileCannotHold() {
    assertThat(failure("b007f457 00020001 4000000c ffffffff 00000000 6100"), containsString("value count 4294967295"));
  }

  @Test
  public void rejectsBytesDepmodNeverWrites() {
    assertThat(failure("b007f457 00020001 4000000c 00000001 00000000 8100"), containsString("outside 7-bit ASCII"));
    assertThat(failure("b007f457 00020001 2000000c 0000 00000000"), containsString("outside 1..127"));
    assertThat(failure("b007f457 00020001 2000000c 6160 00000000"), containsString("outside 1..127"));
  }

  @Test
  public void rejectsUnsortedValues() {
    assertThat(failure("b007f457 00020001 4000000c 00000002 00000001 6100 00000000 6200"),
        containsString("not in ascending order"));
  }

  @Test
  public void rejectsStructureDepmodNeverWrites() {
    assertThat(failure("b007f457 00020001 8000000c 6100"), containsString("root node with a prefix"));
    assertThat(failure("b007f457 00020001 2000000c 6161 80000012 6200"), containsString("neither values nor children"));
    assertThat(failure("b007f457 00020001 2000000c 6161 c0000012 00 00000001 00000000 00"),
        containsString("empty prefix"));
    assertThat(failure("b007f457 00020001 3000000c 6161 00000000"), containsString("unused flag"));
  }

  @Test
  public void rejectsAStringWithoutNul() {
    assertThat(failure("b007f457 00020001 4000000c 00000001 00000000 6161"), containsString("without NUL"));
    assertThat(failure("b007f457 00020001 2000000c 6161 c0000012 6161"), containsString("without NUL"));
  }

  /**
   * Every index the oracle wrote for the fixture cases reads back; modules.dep.bin holds exactly the
   * lines of modules.dep, each under its module's name.
   */
  @Test
  public void readsEveryIndexTheOracleWroteForTheFixtures() throws Exception {
    List<Path> indexes;
    try (Stream<Path> files = Files.walk(Paths.get("..", "fixtures", "trees"))) {
      indexes = files.filter(p -> p.toString().contains("/expected") && p.toString().endsWith(".bin")).toList();
    }
    assertThat(indexes.size(), greaterThan(100));
    for (Path index : indexes) {
      byte[] bytes = Files.readAllBytes(index);
      if (bytes.length == 0) {
        continue; // a missing modules.builtin gives an empty file, which is no index
      }
      Map<String, List<Value>> entries = IndexReader.read(bytes);
      if (index.getFileName().toString().equals("modules.dep.bin")) {
        List<String> lines = Files.readAllLines(index.resolveSibling("modules.dep"), StandardCharsets.ISO_8859_1);
        Map<String, List<Value>> expected = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
          String path = lines.get(i).substring(0, lines.get(i).indexOf(':'));
          expected.put(ModuleName.of(path), List.of(new Value(lines.get(i), i)));
        }
        assertEquals(index.toString(), expected, entries);
      }
    }
  }
}
