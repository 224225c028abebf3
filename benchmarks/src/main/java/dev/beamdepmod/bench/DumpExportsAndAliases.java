package dev.beamdepmod.bench;

import dev.beamdepmod.config.DepmodConfig;
import dev.beamdepmod.config.DepmodFatal;
import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.discovery.TreeWalker;
import dev.beamdepmod.jobs.local.LocalDirectory;
import dev.beamdepmod.jobs.local.LocalFs;
import dev.beamdepmod.schema.Diagnostic;
import dev.beamdepmod.schema.ExportedSymbol;
import dev.beamdepmod.schema.ModinfoEntry;
import dev.beamdepmod.schema.ModuleFile;
import dev.beamdepmod.schema.ModuleRecord;
import dev.beamdepmod.transforms.ReadModules;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads every module under a module directory as the pipeline does ({@link ReadModules#read}) and
 * prints what depmod's modules.symbols and modules.alias would say about each one, unordered and
 * without depmod's de-duplication of symbols:
 * {@code alias symbol:<export> <module>} and {@code alias <alias> <module>} on stdout, and each
 * module's read messages as {@code depmod: <message>} on stderr.
 *
 * <p>Usage: {@code DumpExportsAndAliases DIRNAME} where DIRNAME is depmod's input directory
 * (root + module directory + "/" + version), spelled as depmod spells it (it appears in messages).
 * The modules are those depmod's walk keeps ({@link TreeWalker}, without depmod.d files): one file
 * per module name. The walk's own messages are not printed.
 */
public final class DumpExportsAndAliases {
  private DumpExportsAndAliases() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: DumpExportsAndAliases DIRNAME");
      System.exit(2);
    }
    String dirname = args[0];
    PrintStream out = new PrintStream(new BufferedOutputStream(System.out, 1 << 16), false, StandardCharsets.ISO_8859_1);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.ISO_8859_1);
    List<ModuleFile> files;
    try {
      files = moduleFiles(dirname);
    } catch (DepmodFatal e) {
      err.println(e.message().line());
      System.exit(1);
      return;
    }
    for (ModuleFile file : files) {
      ModuleRecord module = ReadModules.read(file);
      for (ExportedSymbol symbol : module.getExports()) {
        out.println("alias symbol:" + symbol.getName() + " " + module.getName());
      }
      for (ModinfoEntry entry : module.getModinfo()) {
        if (entry.getKey().equals("alias")) {
          out.println("alias " + entry.getValue() + " " + module.getName());
        }
      }
      for (Diagnostic message : module.getMessages()) {
        err.println(DepmodMessage.of(message).line());
      }
    }
    out.flush();
  }

  /** The module files of depmod's input directory {@code dirname}, as depmod's walk finds and keeps them. */
  static List<ModuleFile> moduleFiles(String dirname) throws DepmodFatal {
    String cwd = System.getProperty("user.dir");
    LocalDirectory disk = new LocalDirectory(new LocalFs(cwd));
    String version = Path.of(dirname).getFileName().toString();
    return disk.moduleFiles("", TreeWalker.walk(disk, cwd, DepmodConfig.parse(version, List.of()), dirname, message -> {}));
  }
}
