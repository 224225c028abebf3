package dev.beamdepmod.jobs.check;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.beamdepmod.check.CheckReport;
import dev.beamdepmod.jobs.cli.Subcommands;
import dev.beamdepmod.jobs.matrix.MatrixCommand;
import dev.beamdepmod.schema.CheckResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The check command end to end: a kernel tree made of fixture modules, its Module.symvers from a
 * linux-headers tarball given as one more kernel input, fixture modules and a package of modules.
 */
public class CheckCommandTest {
  private static final Path MODULES = Paths.get("..", "fixtures", "modules").toAbsolutePath().normalize();
  private static final String RELEASE = "6.1.0-test-amd64";

  @Rule public TemporaryFolder temp = new TemporaryFolder();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private Path root;
  private Path headers;

  private int check(String... args) {
    PrintStream o = new PrintStream(out, true, UTF_8), e = new PrintStream(err, true, UTF_8);
    return Subcommands.run(new CheckCommand(MODULES.toString(), PipelineOptionsFactory.create(), o, e), List.of(args), o, e);
  }

  @Before
  public void kernel() throws IOException {
    root = temp.newFolder("root").toPath();
    Path kernel = Files.createDirectories(root.resolve("lib/modules/" + RELEASE + "/kernel"));
    for (String m : List.of("fx_core.ko", "fx_twin1.ko", "fx_chain_b.ko", "fx_chain_c.ko")) {
      Files.copy(MODULES.resolve(m), kernel.resolve(m));
    }
    headers = temp.getRoot().toPath().resolve("linux-headers-" + RELEASE + ".tar.gz");
    try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(headers))) {
      tarEntry(os, "usr/src/linux-headers-" + RELEASE + "/Module.symvers",
          Files.readAllBytes(MODULES.resolve("kernel.symvers")));
      os.write(new byte[1024]);
    }
  }

  /** One ustar entry of a regular file. */
  private static void tarEntry(OutputStream os, String name, byte[] content) throws IOException {
    byte[] h = new byte[512];
    put(h, 0, name);
    put(h, 100, "0000644");
    put(h, 108, "0000000");
    put(h, 116, "0000000");
    put(h, 124, String.format("%011o", content.length));
    put(h, 136, "00000000000");
    Arrays.fill(h, 148, 156, (byte) ' ');
    h[156] = '0';
    put(h, 257, "ustar");
    put(h, 263, "00");
    int sum = 0;
    for (byte b : h) sum += b & 0xFF;
    put(h, 148, String.format("%06o", sum));
    h[155] = ' ';
    os.write(h);
    os.write(content);
    os.write(new byte[(512 - content.length % 512) % 512]);
  }

  private static void put(byte[] h, int at, String s) {
    byte[] b = s.getBytes(UTF_8);
    System.arraycopy(b, 0, h, at, b.length);
  }

  private List<CheckResult> records(Path dir) throws IOException {
    List<CheckResult> got = new ArrayList<>();
    try (InputStream in = Files.newInputStream(dir.resolve(CheckReport.RECORDS));
        DataFileStream<CheckResult> s = new DataFileStream<>(in, new SpecificDatumReader<>(CheckResult.class))) {
      s.forEach(got::add);
    }
    return got;
  }

  @Test
  public void aMatrixOfModulesAndKernelsWithReasonsAndReports() throws Exception {
    Path report = temp.newFolder("report").toPath();
    int status = check("--kernel", root.toString(), headers.toString(), "--output", report.toString(),
        "fx-user.ko", "fx_stale.ko", "fx_chain_a.ko.xz");
    assertEquals(err.toString(UTF_8), CheckCommand.DOES_NOT_LOAD, status);
    String md = out.toString(UTF_8);
    assertThat(md, containsString("| `fx_user` | `fx-user.ko` | ✅ |"));
    assertThat(md, containsString("| `fx_stale` | `fx_stale.ko` | ❌ |"));
    assertThat(md, containsString("- unknown symbols: fx_nowhere_fn\n- CRC mismatches: fx_core_fn\n"));
    String json = Files.readString(report.resolve(CheckReport.JSON));
    assertThat(json, containsString("\"module\": \"fx_stale\", \"file\": \"fx_stale.ko\", \"kernel\": \"" + RELEASE
        + "\", \"loads\": false"));
    assertThat(json, containsString("\"unknownSymbols\": [\"fx_nowhere_fn\"], \"crcMismatches\": [\"fx_core_fn\"]"));
    assertThat(json, containsString("\"dependencies\": [\"kernel/fx_chain_b.ko\", \"kernel/fx_chain_c.ko\"]"));
    assertTrue(Files.readString(report.resolve(CheckReport.HTML)).startsWith("<!DOCTYPE html>"));
    assertEquals(3, records(report).size());
  }

  @Test
  public void aMatrixOutputDirectoryGivesTheTreesVerdictsWithoutTheElfChecks() throws Exception {
    String[] modules = {"fx-user.ko", "fx_stale.ko", "fx_chain_a.ko.xz"};
    Path fromTree = temp.newFolder("tree").toPath();
    check("--kernel", root.toString(), headers.toString(), "--output", fromTree.toString(), "--", modules[0], modules[1], modules[2]);
    Path matrix = temp.newFolder("matrix").toPath();
    PrintStream o = new PrintStream(out, true, UTF_8), e = new PrintStream(err, true, UTF_8);
    assertEquals(err.toString(UTF_8), 0, Subcommands.run(new MatrixCommand(MODULES.toString(), PipelineOptionsFactory.create(), o, e),
        List.of("--input", root.toString(), "--output", matrix.toString()), o, e));
    Path fromMatrix = temp.newFolder("from-matrix").toPath();
    err.reset();
    int status = check("--kernel", matrix.toString(), headers.toString(), "--output", fromMatrix.toString(), "--",
        modules[0], modules[1], modules[2]);
    assertEquals(err.toString(UTF_8), CheckCommand.DOES_NOT_LOAD, status);
    assertThat(err.toString(UTF_8), containsString(RELEASE + ": from a matrix output directory: "
        + "ELF class, byte order, machine and struct module size not checked"));
    List<CheckResult> tree = records(fromTree), snapshot = records(fromMatrix);
    assertEquals(3, snapshot.size());
    String note = "the kernel was given as a matrix output directory, whose snapshot holds no ELF facts: "
        + "ELF class, byte order, machine and struct module size not checked";
    for (int i = 0; i < tree.size(); i++) {
      List<String> notes = new ArrayList<>(tree.get(i).getNotes());
      notes.add(0, note);
      assertEquals(CheckResult.newBuilder(tree.get(i)).setNotes(notes).build(), snapshot.get(i));
    }
    assertThat(Files.readString(fromMatrix.resolve(CheckReport.JSON)),
        containsString("\"dependencies\": [\"kernel/fx_chain_b.ko\", \"kernel/fx_chain_c.ko\"]"));
  }

  @Test
  public void everyPairLoadsIsZeroAndFailOnNarrowsTheGate() {
    assertEquals(err.toString(UTF_8), 0, check("--kernel", root.toString(), headers.toString(), "--", "fx-user.ko"));
    assertEquals(0, check("--kernel", root.toString(), headers.toString(), "--fail-on", "vermagic,gpl", "--", "fx_stale.ko"));
    assertEquals(3, check("--kernel", root.toString(), headers.toString(), "--fail-on", "crc", "--", "fx_stale.ko"));
  }

  @Test
  public void modulesFromAPackageAndWithoutModuleSymversNoVmlinuxCheck() {
    String tar = Paths.get("..", "examples", "matrix", "linux-modules-6.1.0-fx2-amd64.tar.gz").toAbsolutePath().toString();
    int status = check("--kernel", root.toString(), "--", tar);
    String md = out.toString(UTF_8);
    assertEquals(md + err.toString(UTF_8), 0, status);
    assertThat(md, containsString("linux-modules-6.1.0-fx2-amd64.tar.gz!lib/modules/6.1.0-fx2-amd64/kernel/fx/fx_core.ko"));
    assertThat(md, containsString("note: no Module.symvers or System.map"));
    assertThat(err.toString(UTF_8), containsString(RELEASE + ": no Module.symvers or System.map"));
  }

  @Test
  public void aTruncatedOrGarbageSymversGzIsAnInputErrorNamingTheFile() throws IOException {
    Path boot = Files.createDirectories(root.resolve("boot"));
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream os = new GZIPOutputStream(gz)) {
      os.write(Files.readAllBytes(MODULES.resolve("kernel.symvers")));
    }
    byte[] whole = gz.toByteArray();
    Path symvers = boot.resolve("symvers-" + RELEASE + ".gz");
    Files.write(symvers, Arrays.copyOf(whole, whole.length / 2));
    assertEquals(1, check("--kernel", root.toString(), "--", "fx-user.ko"));
    assertThat(err.toString(UTF_8), containsString(
        "beam-depmod: ERROR: " + root + ": boot/symvers-" + RELEASE + ".gz: gzip: unexpected end of file\n"));
    err.reset();
    Files.writeString(symvers, "no gzip at all");
    assertEquals(1, check("--kernel", root.toString(), "--", "fx-user.ko"));
    assertThat(err.toString(UTF_8), containsString(
        "beam-depmod: ERROR: " + root + ": boot/symvers-" + RELEASE + ".gz: gzip: unknown compression method\n"));
    Files.write(symvers, whole);
    assertEquals(err.toString(UTF_8), 0, check("--kernel", root.toString(), "--", "fx-user.ko"));
  }

  @Test
  public void unreadableInputsAndUsage() throws IOException {
    assertEquals(1, check("--kernel", root.toString(), "--", "no-such.ko"));
    Path junk = Files.writeString(temp.getRoot().toPath().resolve("junk.ko"), "not ELF");
    assertEquals(1, check("--kernel", root.toString(), "--", junk.toString()));
    assertThat(err.toString(UTF_8), containsString("junk.ko: not a readable module file"));
    assertEquals(1, check("--kernel", "/no/such/kernel", "--", "fx-user.ko"));
    assertEquals(2, check("fx-user.ko"));
    assertEquals(2, check("--kernel", root.toString(), "--fail-on", "nonsense", "--", "fx-user.ko"));
  }
}
