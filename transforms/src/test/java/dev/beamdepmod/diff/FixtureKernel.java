package dev.beamdepmod.diff;

import dev.beamdepmod.resolve.DepmodSettings;
import dev.beamdepmod.resolve.FileContent;
import dev.beamdepmod.resolve.KernelInputs;
import dev.beamdepmod.resolve.Resolver;
import dev.beamdepmod.transforms.ReadModules;
import dev.beamdepmod.schema.KernelSnapshot;
import dev.beamdepmod.schema.ModuleFile;
import dev.beamdepmod.schema.ModuleRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A kernel made of the fixture modules (fixtures/modules, read with the module reader) placed at
 * chosen paths, with modules.order, modules.builtin and modules.builtin.modinfo, resolved and
 * turned into a snapshot.
 */
final class FixtureKernel {
  private static final Path MODULES = Path.of("../fixtures/modules");

  private final String version;
  private final String dirname;
  private final List<ModuleRecord> records = new ArrayList<>();
  private final StringBuilder order = new StringBuilder();
  private String builtin = "";
  private String builtinModinfo = "";

  FixtureKernel(String version) {
    this.version = version;
    this.dirname = "/lib/modules/" + version;
  }

  /** The fixture module file at relpath (which gives the module its name), listed in modules.order. */
  FixtureKernel module(String relpath, String fixture) {
    return module(relpath, fixture, r -> {});
  }

  /** Likewise, with the record changed as a kernel built differently would have it. */
  FixtureKernel module(String relpath, String fixture, Consumer<ModuleRecord> edit) {
    ModuleRecord r = ReadModules.read(new ModuleFile(
        version, MODULES.resolve(fixture).toAbsolutePath().toString(), dirname + "/" + relpath, relpath));
    edit.accept(r);
    records.add(r);
    order.append(relpath.replaceAll("\\.ko\\..*", ".ko")).append('\n');
    return this;
  }

  FixtureKernel builtin(String... lines) {
    builtin = String.join("\n", lines) + "\n";
    return this;
  }

  /** "name.key=value" records. */
  FixtureKernel builtinModinfo(String... records) {
    builtinModinfo = String.join("\0", records) + "\0";
    return this;
  }

  KernelSnapshot snapshot() {
    KernelInputs inputs = new KernelInputs(dirname, content(order.toString()), content(builtin), content(builtinModinfo));
    DepmodSettings settings = new DepmodSettings((char) 0, 0, false, null, false, false);
    return Snapshots.of(version, Resolver.resolveWithGraph(records, inputs, settings).graph(), inputs);
  }

  private static FileContent content(String text) {
    return FileContent.of(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
