package dev.beamdepmod.module;

import static dev.beamdepmod.module.ElfBuilder.SHN_ABS;
import static dev.beamdepmod.module.ElfBuilder.STB_GLOBAL;
import static dev.beamdepmod.module.ModuleRecords.PATH;
import static dev.beamdepmod.module.ModuleRecords.failed;
import static dev.beamdepmod.module.ModuleRecords.messages;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import dev.beamdepmod.schema.ModuleRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The sources a module is read from, and how I/O failures become depmod's messages. */
public class ModuleSourceTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  /** A module with a large section depmod never looks at. */
  private static final byte[] MODULE;
  private static final int BIG_SECTION = 1 << 20;

  static {
    ElfBuilder b = new ElfBuilder(true, false);
    b.section(".text", new byte[BIG_SECTION]);
    MODULE = b.modinfo("alias=channel").undefined("printk", STB_GLOBAL)
        .symbol("__crc_fn", 3, SHN_ABS, STB_GLOBAL, 0).build();
  }

  /** Records every range read through a plain (non-file) channel. */
  private static final class RecordingChannel implements SeekableByteChannel {
    final List<long[]> reads = new ArrayList<>();
    private final SeekableByteChannel in;

    RecordingChannel(SeekableByteChannel in) {
      this.in = in;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      long position = in.position();
      int n = in.read(dst);
      reads.add(new long[] {position, n});
      return n;
    }

    @Override
    public int write(ByteBuffer src) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long position() throws IOException {
      return in.position();
    }

    @Override
    public SeekableByteChannel position(long p) throws IOException {
      in.position(p);
      return this;
    }

    @Override
    public long size() throws IOException {
      return in.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean isOpen() {
      return in.isOpen();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** A source whose every access fails. */
  private static ModuleSource failing(IOException e) {
    return new ModuleSource() {
      @Override
      public long size() throws IOException {
        throw e;
      }

      @Override
      public ByteBuffer read(long offset, int length) throws IOException {
        throw e;
      }
    };
  }

  private Path write(byte[] content) throws IOException {
    Path file = tmp.newFile("m.ko").toPath();
    Files.write(file, content);
    return file;
  }

  @Test
  public void channelSourceReadsOnlyTheNeededRanges() throws IOException {
    Path file = write(MODULE);
    RecordingChannel channel = new RecordingChannel(Files.newByteChannel(file));
    ModuleRecord r;
    try (ChannelSource source = new ChannelSource(channel)) {
      r = ModuleReader.read(PATH, source);
    }
    assertEquals(ModuleRecords.read(MODULE), r);
    long total = channel.reads.stream().mapToLong(range -> range[1]).sum();
    assertThat(total, lessThan(4096L));
  }

  @Test
  public void fileChannelAndByteBufferSourcesAgree() throws IOException {
    Path file = write(MODULE);
    try (ChannelSource source = new ChannelSource(FileChannel.open(file, StandardOpenOption.READ))) {
      assertEquals(ModuleRecords.read(MODULE), ModuleReader.read(PATH, source));
    }
    assertEquals(ModuleRecords.read(MODULE), ModuleRecords.read(PATH, file));
    ByteBuffer direct = ByteBuffer.allocateDirect(MODULE.length).put(MODULE).flip();
    assertEquals(ModuleRecords.read(MODULE), ModuleReader.read(PATH, new ByteBufferSource(direct)));
    ByteBuffer readOnly = ByteBuffer.wrap(MODULE).asReadOnlyBuffer();
    assertEquals(ModuleRecords.read(MODULE), ModuleReader.read(PATH, new ByteBufferSource(readOnly)));
  }

  @Test
  public void compressedFileThroughAChannel() throws IOException {
    Path file = write(CompressedModuleTest.xz(MODULE));
    assertEquals(ModuleRecords.read(MODULE).getModinfo(), ModuleRecords.read(PATH, file).getModinfo());
  }

  @Test
  public void byteBufferSourceRejectsRangesOutside() {
    ByteBufferSource source = ByteBufferSource.of(new byte[10]);
    assertThrows(IOException.class, () -> source.read(8, 3));
    assertThrows(IOException.class, () -> source.read(-1, 1));
  }

  @Test
  public void ioFailuresBecomeStrerrorTexts() {
    assertThat(messages(ModuleRecords.read(PATH, tmp.getRoot().toPath().resolve("missing.ko"))),
        contains(failed("No such file or directory")));
    assertThat(messages(ModuleReader.read(PATH, failing(new AccessDeniedException(PATH)))),
        contains(failed("Permission denied")));
    assertThat(messages(ModuleReader.read(PATH, failing(new IOException("Is a directory")))),
        contains(failed("Is a directory")));
    assertThat(messages(ModuleReader.read(PATH, failing(new IOException("something odd")))),
        contains(failed("Input/output error")));
  }

  @Test
  public void fileShorterThanTheMagicIsInvalid() throws IOException {
    assertThat(messages(ModuleRecords.read(PATH, write(new byte[5]))), contains(failed("Invalid argument")));
  }
}
