package dev.beamdepmod.jobs.local;

import dev.beamdepmod.config.ConfigFile;
import dev.beamdepmod.config.DepmodMessage;
import dev.beamdepmod.discovery.ConfigFileList;
import dev.beamdepmod.module.Errno;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads the depmod.d files {@link ConfigFileList} finds on the local disk. */
public final class ConfigFiles {
  private ConfigFiles() {}

  /**
   * @param configPaths the -C paths, or empty for the default list
   * @param log receives the messages of listing the directories
   * @return the files in parse order with their content
   */
  public static List<ConfigFile> load(LocalFs fs, List<String> configPaths, Consumer<DepmodMessage> log) {
    List<ConfigFile> files = new ArrayList<>();
    for (String path : ConfigFileList.find(new LocalDirectory(fs), configPaths, log)) {
      try {
        files.add(ConfigFile.of(path, Files.readAllBytes(fs.path(path))));
      } catch (IOException e) {
        files.add(ConfigFile.unreadable(path, Errno.strerror(e)));
      }
    }
    return files;
  }
}
