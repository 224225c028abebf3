package dev.beamdepmod.resolve;

/**
 * kmod's list of cycle-search start modules. It is circular, and removing a module makes the
 * module after it the head (kmod keeps the successor its list removal returns), so removing
 * modules from the middle rotates the order in which the remaining ones are taken.
 */
final class StartList {
  private final int[] next;
  private final int[] prev;
  private final boolean[] member;
  private int head = -1;

  /** @param modules the members in order */
  StartList(int size, int[] modules) {
    next = new int[size];
    prev = new int[size];
    member = new boolean[size];
    for (int i = 0; i < modules.length; i++) {
      int m = modules[i];
      member[m] = true;
      next[m] = modules[(i + 1) % modules.length];
      prev[m] = modules[(i + modules.length - 1) % modules.length];
    }
    head = modules.length > 0 ? modules[0] : -1;
  }

  boolean isEmpty() {
    return head < 0;
  }

  /** Takes the head out; its successor becomes the head. */
  int takeHead() {
    int m = head;
    remove(m);
    return m;
  }

  /** Removes a member (others are ignored) and makes its successor the head. */
  void remove(int m) {
    if (!member[m]) {
      return;
    }
    member[m] = false;
    if (next[m] == m) {
      head = -1;
      return;
    }
    next[prev[m]] = next[m];
    prev[next[m]] = prev[m];
    head = next[m];
  }
}
