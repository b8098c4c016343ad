package io.devices.plugin.kit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.spi.export.ExportFormat;
import io.devices.spi.export.ExportWriter;
import io.devices.spi.export.ExportedDevice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link ExportFormat}, as its Javadoc and {@link ExportWriter}'s state it. A
 * vendor's test extends this class and implements {@link #verify}, which reads the format's output
 * back; the kit drives the writer as the server does (begin, one call per device, end, from one
 * thread) and checks that the format never closes the stream, has written everything by the end,
 * streams instead of holding the devices, and keeps two exports at once apart.
 */
public abstract class ExportFormatContract extends PluginContract<ExportFormat> {
  /** {@code type/subtype} with optional {@code ; name=value} parameters (RFC 9110 tokens). */
  private static final Pattern MEDIA_TYPE =
      Pattern.compile(
          "[!#$%&'*+.^_`|~0-9A-Za-z-]+/[!#$%&'*+.^_`|~0-9A-Za-z-]+"
              + "(\\s*;\\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+=([!#$%&'*+.^_`|~0-9A-Za-z-]+|\"[^\"]*\"))*");

  private static final Pattern FILE_EXTENSION = Pattern.compile("[a-z0-9]+");
  private static final int LARGE_EXPORT = 100_000;
  private static final int CHECKPOINT = 10_000;

  /** What a writer may hold back of its output before {@link ExportWriter#end}. */
  private static final long MAX_HELD_BYTES = 1 << 20;

  protected ExportFormatContract() {
    super(ExportFormat.class);
  }

  @Override
  protected abstract Class<? extends ExportFormat> pluginClass();

  /**
   * Reads {@code output}, the whole file of one export, and asserts that it holds exactly {@code
   * devices}, in order, each field as given (any Unicode text, any number of tags).
   */
  protected abstract void verify(byte[] output, List<ExportedDevice> devices) throws Exception;

  @Test
  final void itNamesAMediaTypeAndAFileExtension() throws Exception {
    ExportFormat format = startedPlugin();
    String mediaType = format.mediaType();
    assertTrue(
        mediaType != null && MEDIA_TYPE.matcher(mediaType).matches(),
        "media type " + mediaType + " is type/subtype with optional parameters");
    String extension = format.fileExtension();
    assertTrue(
        extension != null && FILE_EXTENSION.matcher(extension).matches(),
        "file extension " + extension + " is lower-case letters and digits, without a dot");
  }

  @Test
  final void everyOpenGivesANewWriter() throws Exception {
    ExportFormat format = startedPlugin();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExportWriter first = format.open(out);
    assertNotNull(first, "open returns a writer");
    assertNotSame(first, format.open(out));
  }

  @Test
  final void anExportWithoutDevicesReadsBack() throws Exception {
    exportAndVerify(startedPlugin(), List.of());
  }

  @Test
  final void devicesReadBackInOrder() throws Exception {
    exportAndVerify(startedPlugin(), TestDevices.devices(0, 200));
  }

  @Test
  final void aDeviceWithAThousandTagsReadsBack() throws Exception {
    exportAndVerify(startedPlugin(), List.of(TestDevices.withTags(1, 1_000)));
  }

  @Test
  final void unicodeAndSeparatorsInEveryFieldReadBack() throws Exception {
    exportAndVerify(startedPlugin(), TestDevices.tricky());
  }

  /** Two writers of one instance, their calls interleaved on one thread: no shared state. */
  @Test
  final void twoInterleavedExportsGiveTheSameBytesAsEachAlone() throws Exception {
    ExportFormat format = startedPlugin();
    List<ExportedDevice> a = TestDevices.devices(0, 300);
    List<ExportedDevice> b = TestDevices.tricky();
    RecordingStream outA = new RecordingStream();
    RecordingStream outB = new RecordingStream();
    ExportWriter writerA = format.open(outA);
    ExportWriter writerB = format.open(outB);
    writerA.begin(TestDevices.CONTEXT);
    writerB.begin(TestDevices.CONTEXT);
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      if (i < a.size()) {
        writerA.device(a.get(i));
      }
      if (i < b.size()) {
        writerB.device(b.get(i));
      }
    }
    writerB.end();
    writerA.end();
    assertArrayEquals(export(format, a), outA.toByteArray(), "the first export");
    assertArrayEquals(export(format, b), outB.toByteArray(), "the second export");
  }

  /** Two exports on two threads at once, as the server runs them. */
  @Test
  final void twoConcurrentExportsGiveTheSameBytesAsEachAlone() throws Exception {
    ExportFormat format = startedPlugin();
    List<ExportedDevice> a = TestDevices.devices(0, 5_000);
    List<ExportedDevice> b = TestDevices.devices(5_000, 5_000);
    byte[] aloneA = export(format, a);
    byte[] aloneB = export(format, b);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Callable<byte[]> exportA = () -> export(format, a);
      Callable<byte[]> exportB = () -> export(format, b);
      Future<byte[]> togetherA = threads.submit(exportA);
      Future<byte[]> togetherB = threads.submit(exportB);
      assertArrayEquals(aloneA, togetherA.get(), "the first export");
      assertArrayEquals(aloneB, togetherB.get(), "the second export");
    } finally {
      threads.shutdownNow();
    }
  }

  /**
   * A hundred thousand devices, made one at a time and never held by the kit: the output reaches
   * the stream as the devices come, at most a megabyte behind.
   */
  @Test
  final void aHundredThousandDevicesAreStreamedNotHeld() throws Exception {
    CountingStream out = new CountingStream();
    ExportWriter writer = startedPlugin().open(out);
    writer.begin(TestDevices.CONTEXT);
    List<Long> written = new ArrayList<>();
    for (int n = 0; n < LARGE_EXPORT; n++) {
      writer.device(TestDevices.device(n));
      if ((n + 1) % CHECKPOINT == 0) {
        written.add(out.count());
      }
    }
    long beforeEnd = out.count();
    writer.end();
    long total = out.count();
    for (int i = 1; i < written.size(); i++) {
      assertTrue(
          written.get(i) > written.get(i - 1),
          "bytes reach the stream as devices come: " + written);
    }
    assertTrue(
        total - beforeEnd <= MAX_HELD_BYTES,
        (total - beforeEnd) + " of " + total + " bytes held back until end()");
  }

  /** Runs one export and verifies the bytes the stream holds when end() returns. */
  private void exportAndVerify(ExportFormat format, List<ExportedDevice> devices) throws Exception {
    verify(export(format, devices), devices);
  }

  /**
   * Drives one export as the server does and returns what reached the stream by the end of {@link
   * ExportWriter#end}: anything a writer still buffered then is missing.
   */
  private static byte[] export(ExportFormat format, List<ExportedDevice> devices)
      throws IOException {
    RecordingStream out = new RecordingStream();
    ExportWriter writer = format.open(out);
    writer.begin(TestDevices.CONTEXT);
    for (ExportedDevice device : devices) {
      writer.device(device);
    }
    writer.end();
    assertEquals(0, out.closes(), "the format never closes the server's stream");
    return out.toByteArray();
  }
}
