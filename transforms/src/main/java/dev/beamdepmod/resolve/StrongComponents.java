package dev.beamdepmod.resolve;

import java.util.Arrays;

/** Strongly connected components (Tarjan, iterative so deep chains cannot overflow the Java stack). */
final class StrongComponents {
  /** Per module its component number, or -1 for modules outside the examined set. */
  final int[] component;
  /** Number of modules in each component. */
  final int[] size;

  private StrongComponents(int[] component, int[] size) {
    this.component = component;
    this.size = size;
  }

  /** @param nodes the modules to examine; all their dependencies must be among them */
  static StrongComponents of(int[][] deps, int[] nodes) {
    int n = deps.length;
    int[] component = new int[n];
    int[] index = new int[n];
    int[] low = new int[n];
    boolean[] onStack = new boolean[n];
    Arrays.fill(component, -1);
    Arrays.fill(index, -1);
    int[] sccStack = new int[n];
    int sccTop = 0;
    int[] callNode = new int[n];
    int[] callEdge = new int[n];
    int[] size = new int[n];
    int components = 0;
    int counter = 0;
    for (int start : nodes) {
      if (index[start] >= 0) {
        continue;
      }
      int depth = 0;
      callNode[0] = start;
      callEdge[0] = 0;
      index[start] = low[start] = counter++;
      sccStack[sccTop++] = start;
      onStack[start] = true;
      while (depth >= 0) {
        int v = callNode[depth];
        if (callEdge[depth] < deps[v].length) {
          int w = deps[v][callEdge[depth]++];
          if (index[w] < 0) {
            index[w] = low[w] = counter++;
            sccStack[sccTop++] = w;
            onStack[w] = true;
            depth++;
            callNode[depth] = w;
            callEdge[depth] = 0;
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
          continue;
        }
        if (low[v] == index[v]) {
          int w;
          do {
            w = sccStack[--sccTop];
            onStack[w] = false;
            component[w] = components;
            size[components]++;
          } while (w != v);
          components++;
        }
        depth--;
        if (depth >= 0) {
          int parent = callNode[depth];
          low[parent] = Math.min(low[parent], low[v]);
        }
      }
    }
    return new StrongComponents(component, Arrays.copyOf(size, components));
  }

  /** Whether a module lies on a dependency cycle (a component of several modules, or a self-loop). */
  boolean onCycle(int m, int[][] deps) {
    if (size[component[m]] > 1) {
      return true;
    }
    for (int d : deps[m]) {
      if (d == m) {
        return true;
      }
    }
    return false;
  }

  boolean together(int a, int b) {
    return component[a] == component[b];
  }
}
