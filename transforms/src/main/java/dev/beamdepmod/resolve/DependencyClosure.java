package dev.beamdepmod.resolve;

import java.util.BitSet;

/** What modules.dep lists for each module: every module it needs, directly or not, by rank. */
final class DependencyClosure {
  private DependencyClosure() {}

  /** @param rank complete topological ranks (no cycles) @return per module, its closure in rank order */
  static int[][] sorted(int[][] deps, int[] rank) {
    int n = deps.length;
    int[] byRank = new int[n];
    for (int m = 0; m < n; m++) {
      byRank[rank[m]] = m;
    }
    // a module's dependencies all rank higher, so walking ranks downwards finds them complete
    BitSet[] closure = new BitSet[n];
    int[][] sorted = new int[n][];
    for (int r = n - 1; r >= 0; r--) {
      int m = byRank[r];
      BitSet c = new BitSet();
      for (int d : deps[m]) {
        c.set(rank[d]);
        c.or(closure[d]);
      }
      closure[m] = c;
      sorted[m] = c.stream().map(x -> byRank[x]).toArray();
    }
    return sorted;
  }
}
