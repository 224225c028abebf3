package dev.beamdepmod.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzz targets of the depmod.d parser and of its POSIX ERE translation (the KVER field): any
 * configuration file parses to a configuration and messages naming the file and line; any pattern
 * matches or not, without an exception, a stack overflow or a runaway match.
 */
class DepmodConfigFuzzTest {
  private static final String FILE = "/etc/depmod.d/fuzz.conf";

  @FuzzTest
  void parse(FuzzedDataProvider data) {
    // Content first, so a depmod.d file given as a seed stays (mostly) a depmod.d file.
    byte[] content = data.consumeBytes(data.consumeInt(0, 1 << 16));
    String version = new String(data.consumeRemainingAsBytes(), StandardCharsets.ISO_8859_1);
    DepmodConfig config = DepmodConfig.parse(version, List.of(ConfigFile.of(FILE, content)));
    assertFalse(config.searches().isEmpty());
    for (DepmodMessage m : config.messages()) {
      assertTrue(m.text().startsWith(FILE + ":"), m::line);
    }
  }

  /** The pattern, then after a NUL byte the version (none: a Debian one), so inputs are easy to write. */
  @FuzzTest
  void kernelVersionPattern(byte[] input) {
    String text = new String(input, StandardCharsets.ISO_8859_1);
    int nul = text.indexOf('\0');
    String pattern = nul < 0 ? text : text.substring(0, nul);
    String version = nul < 0 ? "6.1.0-50-amd64" : text.substring(nul + 1);
    KernelVersionPattern.match(pattern, version);
  }
}
