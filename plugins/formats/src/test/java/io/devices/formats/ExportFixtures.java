package io.devices.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.devices.spi.export.ExportContext;
import io.devices.spi.export.ExportFormat;
import io.devices.spi.export.ExportWriter;
import io.devices.spi.export.ExportedDevice;
import io.devices.spi.export.ExportedDevice.Attribute;
import io.devices.spi.export.ExportedDevice.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Devices, an export run and a strict UTF-8 decoder shared by the format tests. */
final class ExportFixtures {
  static final ExportContext CONTEXT =
      new ExportContext(
          "65f0c0ffee0000000000e001", "app-1", "Kitchen", Instant.parse("2024-04-01T00:00:00Z"));
  static final Instant CREATED = Instant.parse("2024-03-01T10:15:30Z");
  static final Instant UPDATED = Instant.parse("2024-03-02T11:00:00.123456789Z");

  /** Names and descriptions a naive writer gets wrong. */
  static final List<String> TRICKY =
      List.of(
          "a,b",
          "say \"hi\"",
          "\"",
          "line\nbreak",
          "cr\rhere",
          "crlf\r\nend",
          ",\"\r\n",
          "back\\slash",
          "tab\there",
          "\u0001control",
          "</script>",
          "\uD83D\uDE80 rocket \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
          "東京の温度センサー",
          "e\u0301te\u0301 Ga\u0308rten",
          " leading and trailing ");

  private ExportFixtures() {}

  static ExportedDevice device(String id, String name, String description) {
    return new ExportedDevice(
        id, name, description, "standalone", null, CREATED, UPDATED, List.of(), List.of());
  }

  static ExportedDevice device(
      String id,
      String name,
      String description,
      String deviceClass,
      String gatewayId,
      List<Tag> tags,
      List<Attribute> attributes) {
    return new ExportedDevice(
        id, name, description, deviceClass, gatewayId, CREATED, UPDATED, tags, attributes);
  }

  static String id(int n) {
    return String.format("%024x", n);
  }

  /** Runs a whole export into memory; checks the writer left the stream open. */
  static byte[] export(ExportFormat format, ExportedDevice... devices) throws IOException {
    TrackingStream out = new TrackingStream();
    ExportWriter writer = format.open(out);
    writer.begin(CONTEXT);
    for (ExportedDevice device : devices) {
      writer.device(device);
    }
    writer.end();
    assertEquals(0, out.closed, "the writer must not close the server's stream");
    return out.toByteArray();
  }

  /** Decodes UTF-8, failing on any malformed byte sequence. */
  static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError("not UTF-8", e);
    }
  }

  /** Counts closes; what was written before is kept. */
  static final class TrackingStream extends ByteArrayOutputStream {
    int closed;

    @Override
    public void close() {
      closed++;
    }
  }
}
