package dev.beamdepmod.module;

import dev.beamdepmod.schema.ExportedSymbol;
import dev.beamdepmod.schema.ImportedSymbol;
import dev.beamdepmod.schema.ModinfoEntry;
import dev.beamdepmod.schema.ModuleRecord;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;

/** Compact text forms of record parts, so tests compare whole lists at once. */
final class ModuleRecords {
  static final String PATH = "/lib/modules/1.0/kernel/test-mod.ko";

  private ModuleRecords() {}

  static ModuleRecord read(byte[] file) {
    return ModuleReader.read(PATH, ByteBufferSource.of(file));
  }

  /** A module file on the local disk, read through a FileChannel as the pipeline reads local files. */
  static ModuleRecord read(String path, Path file) {
    try (ChannelSource source = new ChannelSource(FileChannel.open(file, StandardOpenOption.READ))) {
      return ModuleReader.read(path, source);
    } catch (IOException e) {
      return ModuleReader.unreadable(path, Errno.strerror(e));
    }
  }

  /** "name=crc" with the CRC in hex. */
  static List<String> exports(ModuleRecord r) {
    return r.getExports().stream().map(ModuleRecords::export).collect(Collectors.toList());
  }

  private static String export(ExportedSymbol s) {
    return s.getName() + "=" + Long.toHexString(s.getCrc());
  }

  /** "name=namespace" (namespace "null" when the export has none). */
  static List<String> namespaces(ModuleRecord r) {
    return r.getExports().stream().map(s -> s.getName() + "=" + s.getNamespace()).collect(Collectors.toList());
  }

  /** "name=crc" with the CRC in hex, prefixed by "weak " for weak imports. */
  static List<String> imports(ModuleRecord r) {
    return r.getImports().stream().map(ModuleRecords::importText).collect(Collectors.toList());
  }

  private static String importText(ImportedSymbol s) {
    return (s.getWeak() ? "weak " : "") + s.getName() + "=" + Long.toHexString(s.getCrc());
  }

  /** "key=value" (an entry without "=" has an empty value). */
  static List<String> modinfo(ModuleRecord r) {
    return r.getModinfo().stream().map(ModuleRecords::entry).collect(Collectors.toList());
  }

  private static String entry(ModinfoEntry e) {
    return e.getKey() + "=" + e.getValue();
  }

  /** The record's messages as "LEVEL: text". */
  static List<String> messages(ModuleRecord r) {
    return r.getMessages().stream().map(m -> m.getLevel() + ": " + m.getText()).collect(Collectors.toList());
  }

  static String failed(String strerror) {
    return "ERROR: failed to load symbols from " + PATH + ": " + strerror;
  }
}
