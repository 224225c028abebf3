package dev.beamdepmod.index;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads a kmod index file ({@code *.bin}) back into its keys and values, so tests can check the files
 * beam-depmod writes. Strict: anything kmod 34.2's depmod would never write (a node reached twice,
 * bytes no node owns, a byte outside 1..127, an unsorted value list, a non-root node with nothing in
 * it) is an {@link IndexFormatException}, as is every offset or count that points outside the file.
 * Both node layouts (pre-order of kmod 34.2, post-order of kmod 30) are accepted. Iterative, so a
 * hostile file cannot overflow the stack; apart from the map it returns, memory is linear in the file
 * size: the keys of the nodes being walked share one buffer, and only a node with values has its key
 * copied out (keys nest, so the returned keys together can be longer than the file).
 */
public final class IndexReader {
  /** One value of a key, as stored: the text and its (unsigned) priority. */
  public record Value(String text, int priority) {}

  private static final int MAGIC = 0xB007F457;
  private static final int MAJOR_VERSION = 2;
  private static final int HEADER = 12;
  private static final int PREFIX = 0x80000000;
  private static final int VALUES = 0x40000000;
  private static final int CHILDREN = 0x20000000;
  private static final int UNUSED = 0x10000000;
  private static final int OFFSET = 0x0FFFFFFF;
  private final byte[] file;
  private final BitSet owned = new BitSet();
  private final SortedMap<String, List<Value>> entries = new TreeMap<>();
  /** The key of the node being read; a node's key extends its parent's, which it starts as. */
  private final StringBuilder key = new StringBuilder();

  private IndexReader(byte[] file) {
    this.file = file;
  }

  /**
   * @return every key (in unsigned byte order, keys held as ISO-8859-1 strings) with its values in
   *     file order
   */
  public static SortedMap<String, List<Value>> read(byte[] file) throws IndexFormatException {
    IndexReader reader = new IndexReader(file);
    reader.readAll();
    return reader.entries;
  }

  /**
   * A node still to visit: its pointer, the length of its parent's key and its child character (0
   * for the root). Nodes are visited depth first, so when one is taken from the stack the key buffer
   * still starts with its parent's key: everything read since the parent is below the parent.
   */
  private record Pending(int pointer, int parentKeyLength, char c) {}

  private void readAll() throws IndexFormatException {
    if (file.length < HEADER) {
      throw new IndexFormatException(0, "file of " + file.length + " bytes is shorter than the 12-byte header");
    }
    if (u32(0) != MAGIC) {
      throw new IndexFormatException(0, String.format("bad magic 0x%08x", u32(0)));
    }
    if (u32(4) >>> 16 != MAJOR_VERSION) {
      throw new IndexFormatException(4, String.format("unsupported version 0x%08x", u32(4)));
    }
    Deque<Pending> pending = new ArrayDeque<>();
    pending.push(new Pending(u32(8), 0, (char) 0));
    while (!pending.isEmpty()) {
      node(pending.pop(), pending);
    }
    int unowned = owned.nextClearBit(HEADER);
    if (unowned < file.length) {
      throw new IndexFormatException(unowned, "byte belongs to no node");
    }
  }

  private void node(Pending node, Deque<Pending> pending) throws IndexFormatException {
    int pointer = node.pointer();
    boolean root = node.c() == 0;
    key.setLength(node.parentKeyLength());
    if (!root) {
      key.append(node.c());
    }
    int offset = pointer & OFFSET;
    if ((pointer & UNUSED) != 0) {
      throw new IndexFormatException(offset, String.format("node pointer 0x%08x sets the unused flag", pointer));
    }
    if (offset < HEADER || offset > file.length) {
      throw new IndexFormatException(offset, "node outside the file");
    }
    if (root ? (pointer & PREFIX) != 0 : (pointer & (VALUES | CHILDREN)) == 0) {
      throw new IndexFormatException(offset, root ? "root node with a prefix" : "node with neither values nor children");
    }
    int at = offset;
    if ((pointer & PREFIX) != 0) {
      int length = stringLength(at);
      if (length == 0) {
        throw new IndexFormatException(at, "empty prefix flagged as present");
      }
      key.append(string(at, length));
      at += length + 1;
    }
    if ((pointer & CHILDREN) != 0) {
      need(at, 2, "child table");
      int first = file[at] & 0xFF;
      int last = file[at + 1] & 0xFF;
      if (first == 0 || last >= 0x80 || last < first) {
        throw new IndexFormatException(at, "child range " + first + ".." + last + " outside 1..127");
      }
      at += 2;
      need(at, 4L * (last - first + 1), "child pointers");
      // Pushed in reverse so children are visited in ascending order (pre-order file order).
      for (int c = last; c >= first; c--) {
        int child = u32(at + 4 * (c - first));
        if (child != 0) {
          pending.push(new Pending(child, key.length(), (char) c));
        }
      }
      at += 4 * (last - first + 1);
    }
    if ((pointer & VALUES) != 0) {
      at = values(at, key.toString());
    }
    own(offset, at);
  }

  /** Reads a value list at {@code at}; returns the offset after it. */
  private int values(int at, String key) throws IndexFormatException {
    need(at, 4, "value count");
    long count = u32(at) & 0xFFFFFFFFL;
    int start = at;
    at += 4;
    if (count == 0 || count > (file.length - at) / 5) {
      throw new IndexFormatException(start, "value count " + count + " impossible in the bytes left");
    }
    List<Value> values = new ArrayList<>((int) count);
    for (long i = 0; i < count; i++) {
      need(at, 5, "value");
      int priority = u32(at);
      if (!values.isEmpty() && Integer.compareUnsigned(values.get(values.size() - 1).priority(), priority) > 0) {
        throw new IndexFormatException(at, "value priorities not in ascending order");
      }
      int length = stringLength(at + 4);
      values.add(new Value(string(at + 4, length), priority));
      at += 4 + length + 1;
    }
    entries.put(key, values);
    return at;
  }

  /** Marks [from, to) as a node's bytes; a byte claimed twice means overlapping or shared nodes. */
  private void own(int from, int to) throws IndexFormatException {
    int taken = owned.nextSetBit(from);
    if (taken >= 0 && taken < to) {
      throw new IndexFormatException(taken, "byte belongs to two nodes");
    }
    owned.set(from, to);
  }

  /** Length of the NUL-terminated string at {@code at}, whose bytes must all be 1..127. */
  private int stringLength(int at) throws IndexFormatException {
    int i = at;
    while (i < file.length && file[i] != 0) {
      if (file[i] < 0) {
        throw new IndexFormatException(i, String.format("byte 0x%02x outside 7-bit ASCII", file[i] & 0xFF));
      }
      i++;
    }
    if (i == file.length) {
      throw new IndexFormatException(at, "string without NUL before the end of the file");
    }
    return i - at;
  }

  private String string(int at, int length) {
    return new String(file, at, length, StandardCharsets.ISO_8859_1);
  }

  private void need(int at, long count, String what) throws IndexFormatException {
    if (count > file.length - at) {
      throw new IndexFormatException(at, what + " runs past the end of the file");
    }
  }

  private int u32(int at) {
    return (file[at] & 0xFF) << 24 | (file[at + 1] & 0xFF) << 16 | (file[at + 2] & 0xFF) << 8 | file[at + 3] & 0xFF;
  }
}
