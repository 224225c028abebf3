package dev.beamdepmod.index;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;

/** Serialises a trie in kmod 34.2's layout: root at offset 12, each node before its children. */
final class IndexWriter {
  private static final int MAGIC = 0xB007F457;
  private static final int VERSION = 0x00020001;
  private static final int HEADER = 12;
  private static final int PREFIX = 0x80000000;
  private static final int VALUES = 0x40000000;
  private static final int CHILDREN = 0x20000000;

  /** Subtree sizes, needed before a node can point at its children. */
  private final Map<IndexNode, Integer> totals = new IdentityHashMap<>();
  private final ByteBuffer out;

  private IndexWriter(IndexNode root) {
    out = ByteBuffer.allocate(HEADER + total(root));
  }

  static byte[] write(IndexNode root) {
    IndexWriter writer = new IndexWriter(root);
    writer.out.putInt(MAGIC).putInt(VERSION).putInt(HEADER | flags(root));
    writer.node(root, HEADER);
    return writer.out.array();
  }

  private int total(IndexNode node) {
    int total = size(node);
    for (IndexNode child : node.children) {
      total += total(child);
    }
    totals.put(node, total);
    return total;
  }

  private void node(IndexNode node, int offset) {
    if (!node.prefix.isEmpty()) {
      putString(node.prefix);
    }
    int childOffset = offset + size(node);
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
          next += totals.get(child);
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
      childOffset += totals.get(child);
    }
  }

  private void putString(String s) {
    out.put(s.getBytes(StandardCharsets.ISO_8859_1)).put((byte) 0);
  }

  private static int size(IndexNode node) {
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
    return size;
  }

  private static int flags(IndexNode node) {
    return (node.prefix.isEmpty() ? 0 : PREFIX)
        | (node.values.isEmpty() ? 0 : VALUES)
        | (node.children.length == 0 ? 0 : CHILDREN);
  }
}
