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

  @FuzzTest
  void kernelVersionPattern(FuzzedDataProvider data) {
    String pattern = new String(data.consumeBytes(data.consumeInt(0, 1 << 12)), StandardCharsets.ISO_8859_1);
    String version = new String(data.consumeRemainingAsBytes(), StandardCharsets.ISO_8859_1);
    KernelVersionPattern.match(pattern, version);
  }
}
