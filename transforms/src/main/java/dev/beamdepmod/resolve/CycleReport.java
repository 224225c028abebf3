package dev.beamdepmod.resolve;

import static dev.beamdepmod.config.DepmodMessage.error;

import dev.beamdepmod.diagnostics.Console;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * depmod's report of dependency cycles, made safe.
 *
 * <p>kmod keeps the unranked modules in a circular start list ({@link StartList}) and searches
 * from its head r, depth first over a LIFO stack of (module, parent) pairs: a popped r (after the
 * first) prints its parent chain as a cycle and removes the chain's modules from the list; any
 * other module is marked visited (for good) and re-expanded, and one without dependencies is
 * removed from the list. Such a search ends iff the graph reachable from r, not following edges
 * back into r, is acyclic, and it then aborts iff its stack outgrows its room (one entry per
 * unranked module); otherwise kmod hangs or aborts. A start module already visited gets a bogus
 * one-name line. When every earlier search ended normally, a cycle module that is still waiting
 * was never visited (a visiting search would have run through it back to its own start and
 * listed it), so bogus lines only name modules off the cycles.
 *
 * <p>Each search that kmod would end normally ({@link KmodSearchCheck}, linear time) is replayed
 * exactly, except that a module outside r's strongly connected component is expanded only once:
 * r cannot be reached from it, so re-expanding it would print nothing and remove nothing new,
 * and every path explored inside the component ends at r, so the work is proportional to the
 * output. A search kmod would not end prints, for a start module on a cycle, the first cycle
 * through it that a search expanding each module once finds. Bogus lines are left out. So every
 * line is a real cycle, every cycle module is in a line, every search ends, and where kmod's own
 * report is correct this one is identical.
 */
final class CycleReport {
  private final List<Module> modules;
  private final int[][] deps;
  private final StrongComponents components;
  private final Console console;
  private final StartList starts;
  private final boolean[] visited;
  private final int stackRoom;
  // the current search tree: module and parent vertex of every vertex
  private final IntList vertexModule = new IntList();
  private final IntList vertexParent = new IntList();

  private CycleReport(List<Module> modules, int[][] deps, int[] unranked, Console console) {
    this.modules = modules;
    this.deps = deps;
    this.console = console;
    this.components = StrongComponents.of(deps, unranked);
    this.starts = new StartList(deps.length, unranked);
    this.visited = new boolean[deps.length];
    this.stackRoom = unranked.length;
  }

  /** Logs the cycle lines and the closing count. @return the number of modules on cycles */
  static int report(List<Module> modules, int[][] deps, int[] rank, Console console) {
    int[] unranked = IntStream.range(0, rank.length).filter(m -> rank[m] < 0).toArray();
    CycleReport report = new CycleReport(modules, deps, unranked, console);
    while (!report.starts.isEmpty()) {
      report.searchFrom(report.starts.takeHead());
    }
    int onCycles = (int) IntStream.of(unranked).filter(m -> report.components.onCycle(m, deps)).count();
    console.accept(error("Found " + onCycles + " modules in dependency cycles!"));
    return onCycles;
  }

  private void searchFrom(int r) {
    boolean kmodEnds = !visited[r] && new KmodSearchCheck(deps, r).terminatesWithin(stackRoom);
    if (kmodEnds) {
      search(r, true);
    } else if (components.onCycle(r, deps)) {
      search(r, false);
    }
  }

  /**
   * One depth-first search from r. As kmod's replay ({@code replay}): goes on after each cycle,
   * marks modules visited for good, drops modules without dependencies from the start list, and
   * re-expands modules of r's component. Otherwise: the first cycle through r of a search inside
   * r's component that expands each module once.
   */
  private void search(int r, boolean replay) {
    boolean[] expanded = replay ? visited : new boolean[deps.length];
    IntList stack = startSearch(r);
    while (!stack.isEmpty()) {
      int v = stack.pop();
      int m = vertexModule.get(v);
      if (m == r && v != 0) {
        printChain(v);
        if (!replay) {
          return;
        }
        continue;
      }
      if (expanded[m] && !(replay && components.together(m, r))) {
        continue;
      }
      expanded[m] = true;
      if (replay && deps[m].length == 0) {
        starts.remove(m);
      }
      for (int d : deps[m]) {
        if (replay || components.together(d, r)) {
          stack.add(vertex(d, v));
        }
      }
    }
  }

  private IntList startSearch(int r) {
    vertexModule.clear();
    vertexParent.clear();
    IntList stack = new IntList();
    stack.add(vertex(r, -1));
    return stack;
  }

  private int vertex(int module, int parent) {
    vertexModule.add(module);
    vertexParent.add(parent);
    return vertexModule.size() - 1;
  }

  /** Prints start -> ... -> parent -> start and takes the chain out of the start list, in that order. */
  private void printChain(int v) {
    List<Integer> chain = new ArrayList<>();
    for (int u = vertexParent.get(v); u >= 0; u = vertexParent.get(u)) {
      chain.add(vertexModule.get(u));
    }
    StringBuilder line = new StringBuilder("Cycle detected: ");
    for (int i = chain.size() - 1; i >= 0; i--) {
      int m = chain.get(i);
      line.append(modules.get(m).name()).append(" -> ");
      starts.remove(m);
    }
    console.accept(error(line.append(modules.get(vertexModule.get(v)).name()).toString()));
  }
}
