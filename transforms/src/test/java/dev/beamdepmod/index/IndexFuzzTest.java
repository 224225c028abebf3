package dev.beamdepmod.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.beamdepmod.index.IndexReader.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Fuzz targets of the index reader and writer: any file is read or refused with an
 * {@link IndexFormatException}, and whatever it accepts survives a write and a read unchanged; any
 * set of insertions is read back as docs/depmod-rules.md §A.5 says it is stored.
 */
class IndexFuzzTest {
  @FuzzTest
  void read(byte[] file) {
    SortedMap<String, List<Value>> entries;
    try {
      entries = IndexReader.read(file);
    } catch (IndexFormatException e) {
      return;
    }
    assertEquals(entries, readBack(write(entries)));
  }

  @FuzzTest
  void writeThenRead(FuzzedDataProvider data) {
    Index index = new Index();
    SortedMap<String, List<Value>> expected = new TreeMap<>();
    while (data.remainingBytes() > 0) {
      String key = ascii(data.consumeBytes(data.consumeInt(0, 24)));
      String value = ascii(data.consumeBytes(data.consumeInt(0, 8)));
      int priority = data.consumeInt();
      index.insert(key, value, priority);
      List<Value> values = expected.computeIfAbsent(key, k -> new ArrayList<>());
      int at = 0;
      while (at < values.size() && Integer.compareUnsigned(values.get(at).priority(), priority) < 0) {
        at++;
      }
      values.add(at, new Value(value, priority));
    }
    assertEquals(expected, readBack(index.toBytes()));
  }

  /** The index holding these values, inserted so each key's list comes out in the same order. */
  private static byte[] write(Map<String, List<Value>> entries) {
    Index index = new Index();
    entries.forEach((key, values) -> {
      for (int i = values.size() - 1; i >= 0; i--) {
        index.insert(key, values.get(i).text(), values.get(i).priority());
      }
    });
    return index.toBytes();
  }

  private static SortedMap<String, List<Value>> readBack(byte[] file) {
    try {
      return IndexReader.read(file);
    } catch (IndexFormatException e) {
      throw new AssertionError("the writer's own file is refused", e);
    }
  }

  /** Index bytes are 1..127. */
  private static String ascii(byte[] bytes) {
    StringBuilder s = new StringBuilder();
    for (byte b : bytes) {
      s.append((char) (1 + (b & 0x7F) % 127));
    }
    return s.toString();
  }
}
