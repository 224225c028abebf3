package dev.beamdepmod.index;

/**
 * depmod's index (the {@code *.bin} files): a trie from keys to values with priorities, written in
 * kmod 34.2's pre-order layout. Keys and values are byte strings held as ISO-8859-1 strings.
 */
public final class Index {
  private final IndexNode root = new IndexNode("");

  /**
   * Inserts a value under a key, checking both for bytes depmod refuses (key first).
   *
   * @return whether the key already held the same value (depmod's -w duplicate)
   * @throws IndexCharacterException for a byte of 0x80 or more
   */
  public boolean insert(String key, String value, int priority) {
    IndexCharacterException.check(key);
    IndexCharacterException.check(value);
    IndexNode node = root;
    int i = 0;
    while (true) {
      int j = 0;
      while (j < node.prefix.length()) {
        if (i + j >= key.length() || key.charAt(i + j) != node.prefix.charAt(j)) {
          node.split(j);
          break;
        }
        j++;
      }
      i += j;
      if (i == key.length()) {
        return node.addValue(value, priority);
      }
      char c = key.charAt(i);
      IndexNode child = node.child(c);
      if (child == null) {
        child = new IndexNode(key.substring(i + 1));
        child.addValue(value, priority);
        node.putChild(c, child);
        return false;
      }
      node = child;
      i++;
    }
  }

  /** The index file: header, then every node in pre-order. */
  public byte[] toBytes() {
    return IndexWriter.write(root);
  }
}
