package dev.beamdepmod.jobs.depmod;

import dev.beamdepmod.jobs.local.LocalFs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What depmod takes from its process environment.
 *
 * @param cwd the working directory as the C library's get_current_dir_name reports it: $PWD when
 *     that is absolute and names the working directory, else the physical path
 * @param kernelRelease uname's release, the version used when none is given
 * @param posixlyCorrect whether POSIXLY_CORRECT is set (to anything), which stops option parsing at
 *     the first operand
 */
public record Host(String cwd, String kernelRelease, boolean posixlyCorrect) {

  public static Host current() {
    String physical = System.getProperty("user.dir");
    String pwd = System.getenv("PWD");
    String cwd = physical;
    if (pwd != null && pwd.startsWith("/")) {
      try {
        if (Files.isSameFile(Path.of(pwd), Path.of(physical))) {
          cwd = pwd;
        }
      } catch (IOException | RuntimeException e) {
        // $PWD is stale or unusable: the physical path stands
      }
    }
    return new Host(
        LocalFs.fromJava(cwd),
        LocalFs.fromJava(System.getProperty("os.version")),
        System.getenv("POSIXLY_CORRECT") != null);
  }
}
