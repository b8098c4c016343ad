package io.devices.formats;

import io.devices.spi.export.ExportedDevice;
import io.devices.spi.export.ExportedDevice.Attribute;
import io.devices.spi.export.ExportedDevice.Tag;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** The device object shared by {@link JsonFormat} and {@link NdjsonFormat}, and their plumbing. */
final class DeviceJson {
  /** Looked up once: {@link JsonProvider#provider()} searches the class path on every call. */
  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private static final int BUFFER_SIZE = 64 * 1024;

  private DeviceJson() {}

  /** The export's own UTF-8 buffer over the server's stream. */
  static BufferedWriter buffer(OutputStream out) {
    return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER_SIZE);
  }

  /**
   * A generator writing into {@code out}. Closing or flushing the generator neither closes nor
   * flushes {@code out}: the writer flushes it once, at the end, and the server closes the stream.
   */
  static JsonGenerator generator(Writer out) {
    return PROVIDER.createGenerator(new Shield(out));
  }

  /** Writes one device as a JSON object, as a root value or inside an array. */
  static void write(JsonGenerator g, ExportedDevice d) {
    g.writeStartObject();
    string(g, "id", d.id());
    string(g, "name", d.name());
    string(g, "description", d.description());
    string(g, "deviceClass", d.deviceClass());
    string(g, "gatewayId", d.gatewayId());
    string(g, "creationDate", date(d.creationDate()));
    string(g, "lastUpdated", date(d.lastUpdated()));
    g.writeStartArray("tags");
    List<Tag> tags = d.tags();
    if (tags != null) {
      for (Tag tag : tags) {
        g.writeStartObject();
        string(g, "key", tag.key());
        string(g, "value", tag.value());
        g.writeEnd();
      }
    }
    g.writeEnd();
    g.writeStartArray("attributes");
    List<Attribute> attributes = d.attributes();
    if (attributes != null) {
      for (Attribute attribute : attributes) {
        g.writeStartObject();
        string(g, "name", attribute.name());
        string(g, "dataType", attribute.dataType());
        g.writeEnd();
      }
    }
    g.writeEnd();
    g.writeEnd();
  }

  private static void string(JsonGenerator g, String name, String value) {
    if (value == null) {
      g.writeNull(name);
    } else {
      g.write(name, value);
    }
  }

  private static String date(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  /** Passes writes through; ignores flush and close. */
  private static final class Shield extends FilterWriter {
    Shield(Writer out) {
      super(out);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
