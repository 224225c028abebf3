package dev.beamdepmod.resolve;

import dev.beamdepmod.schema.ModuleRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs the resolver on test modules with adjustable inputs and options. */
final class Run {
  private final List<ModuleRecord> modules = new ArrayList<>();
  private FileContent order = FileContent.missing("No such file or directory");
  private FileContent builtin = FileContent.missing("No such file or directory");
  private FileContent builtinModinfo = FileContent.missing("No such file or directory");
  private char prefix;
  private int verbose;
  private boolean errSyms;
  private KernelSymbols kernel;
  private boolean warn;
  private boolean dryRun;

  static Run of(Mod... mods) {
    Run run = new Run();
    for (Mod m : mods) {
      run.modules.add(m.build());
    }
    return run;
  }

  Run order(String content) {
    order = FileContent.of(latin1(content));
    return this;
  }

  Run builtin(String content) {
    builtin = FileContent.of(latin1(content));
    return this;
  }

  Run builtinModinfo(String content) {
    builtinModinfo = FileContent.of(latin1(content));
    return this;
  }

  /** The input directory cannot be opened (files mode): all three input files are affected. */
  Run inputDirectoryMissing() {
    order = builtin = builtinModinfo = FileContent.directoryMissing("No such file or directory");
    return this;
  }

  Run prefix(char c) {
    prefix = c;
    return this;
  }

  Run verbose() {
    verbose = 1;
    return this;
  }

  Run errSyms(KernelSymbols symbols) {
    errSyms = true;
    kernel = symbols;
    return this;
  }

  Run kernel(KernelSymbols symbols) {
    kernel = symbols;
    return this;
  }

  Run warn() {
    warn = true;
    return this;
  }

  Run dryRun() {
    dryRun = true;
    return this;
  }

  DepmodResult go() {
    return Resolver.resolve(modules, inputs(), settings());
  }

  Resolution withGraph() {
    return Resolver.resolveWithGraph(modules, inputs(), settings());
  }

  private KernelInputs inputs() {
    return new KernelInputs(Mod.DIR, order, builtin, builtinModinfo);
  }

  private DepmodSettings settings() {
    return new DepmodSettings(prefix, verbose, errSyms, kernel, warn, dryRun);
  }

  static byte[] latin1(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1);
  }
}
