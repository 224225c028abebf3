package dev.beamdepmod.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One node of the in-memory index trie: prefix, children by next byte, values sorted by priority. */
final class IndexNode {
  record Value(String text, int priority) {}

  private static final char[] NO_CHARS = {};
  private static final IndexNode[] NO_CHILDREN = {};

  String prefix;
  /** Child bytes in ascending order, parallel to {@link #children}; small arrays keep big tries cheap. */
  char[] childChars = NO_CHARS;
  IndexNode[] children = NO_CHILDREN;
  List<Value> values = new ArrayList<>(0);
  /** Bytes of this node and of its whole subtree, filled in by the writer. */
  int size;
  int total;

  IndexNode(String prefix) {
    this.prefix = prefix;
  }

  IndexNode child(char c) {
    int i = Arrays.binarySearch(childChars, c);
    return i >= 0 ? children[i] : null;
  }

  void putChild(char c, IndexNode node) {
    int i = Arrays.binarySearch(childChars, c);
    if (i >= 0) {
      children[i] = node;
      return;
    }
    int at = -i - 1;
    childChars = insertAt(childChars, at, c);
    IndexNode[] grown = new IndexNode[children.length + 1];
    System.arraycopy(children, 0, grown, 0, at);
    grown[at] = node;
    System.arraycopy(children, at, grown, at + 1, children.length - at);
    children = grown;
  }

  /**
   * Adds a value before the first one whose priority is not lower (so equal priorities end up
   * newest first). @return whether an equal value text was already present
   */
  boolean addValue(String text, int priority) {
    boolean duplicate = false;
    int at = values.size();
    for (int i = values.size() - 1; i >= 0; i--) {
      Value v = values.get(i);
      duplicate |= v.text().equals(text);
      if (Integer.compareUnsigned(v.priority(), priority) >= 0) {
        at = i;
      }
    }
    values.add(at, new Value(text, priority));
    return duplicate;
  }

  /** Splits this node after {@code keep} prefix bytes; the rest moves into a new child. */
  void split(int keep) {
    IndexNode lower = new IndexNode(prefix.substring(keep + 1));
    lower.childChars = childChars;
    lower.children = children;
    lower.values = values;
    char c = prefix.charAt(keep);
    prefix = prefix.substring(0, keep);
    childChars = new char[] {c};
    children = new IndexNode[] {lower};
    values = new ArrayList<>(0);
  }

  private static char[] insertAt(char[] array, int at, char c) {
    char[] grown = new char[array.length + 1];
    System.arraycopy(array, 0, grown, 0, at);
    grown[at] = c;
    System.arraycopy(array, at, grown, at + 1, array.length - at);
    return grown;
  }
}
