package dev.beamdepmod.resolve;

/**
 * depmod's dependency order: a Kahn sort whose ready modules sit on a stack (last pushed is taken
 * first), seeded with the unused modules in module order. Every module gets a rank lower than
 * all modules it depends on.
 */
final class TopologicalSort {
  private TopologicalSort() {}

  /** @return the rank of every module, -1 for modules on or below a dependency cycle */
  static int[] ranks(int[][] deps, int[] users) {
    int n = deps.length;
    int[] remaining = users.clone();
    int[] rank = new int[n];
    int[] stack = new int[n];
    int top = 0;
    for (int m = 0; m < n; m++) {
      rank[m] = -1;
      if (remaining[m] == 0) {
        stack[top++] = m;
      }
    }
    int next = 0;
    while (top > 0) {
      int m = stack[--top];
      rank[m] = next++;
      for (int d : deps[m]) {
        if (--remaining[d] == 0) {
          stack[top++] = d;
        }
      }
    }
    return rank;
  }
}
