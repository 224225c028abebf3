package dev.beamdepmod.resolve;

/**
 * Decides whether kmod's cycle search from a start module r ends normally. The search re-expands
 * every module except r, so it ends iff the graph reachable from r, not following edges back into
 * r, is acyclic; it then aborts iff its stack ever needs more entries than it has room for. When a
 * module with dependencies d1..dk is popped, all k are pushed and then explored last first, dj
 * with j-1 entries below it; so the peak stack use of exploring a module is
 * max(k, max over j of (j-1 + peak of dj)), with 0 for r itself and for modules without
 * dependencies. That recurrence is evaluated bottom-up on the acyclic graph.
 */
final class KmodSearchCheck {
  private static final byte NEW = 0;
  private static final byte OPEN = 1;
  private static final byte DONE = 2;

  private final int[][] deps;
  private final int root;

  KmodSearchCheck(int[][] deps, int root) {
    this.deps = deps;
    this.root = root;
  }

  boolean terminatesWithin(int stackRoom) {
    byte[] state = new byte[deps.length];
    int[] peak = new int[deps.length];
    IntList path = new IntList();
    IntList nextEdge = new IntList();
    path.add(root);
    nextEdge.add(0);
    state[root] = OPEN;
    while (!path.isEmpty()) {
      int top = path.size() - 1;
      int v = path.get(top);
      int e = nextEdge.get(top);
      if (e < deps[v].length) {
        nextEdge.set(top, e + 1);
        int d = deps[v][e];
        if (d == root || state[d] == DONE) {
          continue;
        }
        if (state[d] == OPEN) {
          return false;
        }
        state[d] = OPEN;
        path.add(d);
        nextEdge.add(0);
        continue;
      }
      path.pop();
      nextEdge.pop();
      state[v] = DONE;
      peak[v] = peak(v, peak);
    }
    return peak[root] <= stackRoom;
  }

  private int peak(int v, int[] peak) {
    int[] ds = deps[v];
    int p = ds.length;
    for (int j = 0; j < ds.length; j++) {
      int d = ds[j];
      p = Math.max(p, j + (d == root ? 0 : peak[d]));
    }
    return p;
  }
}
