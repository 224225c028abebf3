package dev.beamdepmod.resolve;

import java.util.Arrays;

/** A growable list of ints, used as stack and as vertex store by the cycle searches. */
final class IntList {
  private int[] items = new int[16];
  private int size;

  void add(int value) {
    if (size == items.length) {
      items = Arrays.copyOf(items, 2 * size);
    }
    items[size++] = value;
  }

  int get(int i) {
    return items[i];
  }

  void set(int i, int value) {
    items[i] = value;
  }

  int pop() {
    return items[--size];
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  void clear() {
    size = 0;
  }
}
