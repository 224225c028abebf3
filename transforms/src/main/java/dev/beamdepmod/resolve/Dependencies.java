package dev.beamdepmod.resolve;

import static dev.beamdepmod.config.DepmodMessage.warning;

import dev.beamdepmod.diagnostics.Console;
import dev.beamdepmod.schema.ImportedSymbol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The direct dependencies of every module, found by looking each import up in the symbol table
 * (modules in module order, imports in import order), with depmod's -v lines and -e warnings.
 *
 * @param deps per module: the distinct owners of its imports, in discovery order
 * @param users per module: how many modules depend on it
 * @param unresolvedImports per module: its non-weak imports that nothing provides, in import order
 */
record Dependencies(int[][] deps, int[] users, List<List<String>> unresolvedImports) {

  static Dependencies resolve(
      List<Module> modules, SymbolTable symbols, DepmodSettings settings, Console console) {
    int n = modules.size();
    int[][] deps = new int[n][];
    int[] users = new int[n];
    // addedBy[m] == i + 1 once module i depends on m: constant-time duplicate check
    int[] addedBy = new int[n];
    List<List<String>> unresolved = new ArrayList<>(n);
    boolean checkCrcs = settings.kernelSymbols() != null && settings.kernelSymbols().fromSymvers();
    for (Module m : modules) {
      int[] found = new int[4];
      int count = 0;
      List<String> missing = new ArrayList<>(0);
      for (ImportedSymbol imp : m.record().getImports()) {
        SymbolTable.Symbol sym = symbols.find(imp.getName());
        boolean weak = imp.getWeak();
        if (sym == null) {
          if (!weak) {
            missing.add(imp.getName());
            if (settings.errSyms()) {
              console.accept(warning(m.path() + " needs unknown symbol " + imp.getName()));
            }
          }
          continue;
        }
        if (checkCrcs && settings.errSyms() && !weak && sym.crc() != imp.getCrc()) {
          console.accept(warning(m.path() + " disagrees about version of symbol " + imp.getName()));
        }
        int owner = sym.owner();
        if (sym.fromKernel() || addedBy[owner] == m.index() + 1) {
          continue;
        }
        addedBy[owner] = m.index() + 1;
        if (count == found.length) {
          found = Arrays.copyOf(found, 2 * count);
        }
        found[count++] = owner;
        users[owner]++;
        if (settings.verbose() > 0) {
          console.print(m.path() + " needs \"" + sym.name() + "\": " + modules.get(owner).path() + "\n");
        }
      }
      deps[m.index()] = Arrays.copyOf(found, count);
      unresolved.add(missing);
    }
    return new Dependencies(deps, users, unresolved);
  }

  /** How many distinct non-weak import names nothing provides. */
  int unresolved() {
    Set<String> names = new HashSet<>();
    unresolvedImports.forEach(names::addAll);
    return names.size();
  }
}
