package dev.beamdepmod.index;

import java.nio.ByteBuffer;

/** Serialises a trie in kmod 34.2's layout: root at offset 12, each node before its children. */
final class IndexWriter {
  private static final int MAGIC = 0xB007F457;
  private static final int VERSION = 0x00020001;
  private static final int HEADER = 12;
  private static final int PREFIX = 0x80000000;
  private static final int VALUES = 0x40000000;
  private static final int CHILDREN = 0x20000000;

  private final ByteBuffer out;

  private IndexWriter(int length) {
    out = ByteBuffer.allocate(length);
  }

  static byte[] write(IndexNode root) {
    IndexWriter writer = new IndexWriter(HEADER + measure(root));
    writer.out.putInt(MAGIC).putInt(VERSION).putInt(HEADER | flags(root));
    writer.node(root, HEADER);
    return writer.out.array();
  }

  /** Fills in size and total of a subtree (a node must know them before pointing at its children). */
  private static int measure(IndexNode node) {
    int size = 0;
    if (!node.prefix.isEmpty()) {
      size += node.prefix.length() + 1;
    }
    if (node.children.length > 0) {
      size += 2 + 4 * (node.childChars[node.childChars.length - 1] - node.childChars[0] + 1);
    }
    if (!node.values.isEmpty()) {
      size += 4;
      for (IndexNode.Value v : node.values) {
        size += 4 + v.text().length() + 1;
      }
    }
    int total = size;
    for (IndexNode child : node.children) {
      total += measure(child);
    }
    node.size = size;
    node.total = total;
    return total;
  }

  private void node(IndexNode node, int offset) {
    if (!node.prefix.isEmpty()) {
      putString(node.prefix);
    }
    int childOffset = offset + node.size;
    if (node.children.length > 0) {
      char first = node.childChars[0];
      char last = node.childChars[node.childChars.length - 1];
      out.put((byte) first).put((byte) last);
      int next = childOffset;
      int k = 0;
      for (char c = first; c <= last; c++) {
        if (node.childChars[k] == c) {
          IndexNode child = node.children[k++];
          out.putInt(next | flags(child));
          next += child.total;
        } else {
          out.putInt(0);
        }
      }
    }
    if (!node.values.isEmpty()) {
      out.putInt(node.values.size());
      for (IndexNode.Value v : node.values) {
        out.putInt(v.priority());
        putString(v.text());
      }
    }
    for (IndexNode child : node.children) {
      node(child, childOffset);
      childOffset += child.total;
    }
  }

  /** Strings hold one byte per char (ISO-8859-1; the index only admits 7-bit bytes). */
  private void putString(String s) {
    for (int i = 0; i < s.length(); i++) {
      out.put((byte) s.charAt(i));
    }
    out.put((byte) 0);
  }

  private static int flags(IndexNode node) {
    return (node.prefix.isEmpty() ? 0 : PREFIX)
        | (node.values.isEmpty() ? 0 : VALUES)
        | (node.children.length == 0 ? 0 : CHILDREN);
  }
}
