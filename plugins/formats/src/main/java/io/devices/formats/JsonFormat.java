package io.devices.formats;

import io.devices.spi.export.ExportContext;
import io.devices.spi.export.ExportFormat;
import io.devices.spi.export.ExportWriter;
import io.devices.spi.export.ExportedDevice;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * Devices as one UTF-8 JSON array of device objects, written with a streaming JSON-P generator; an
 * application without devices gives {@code []}.
 */
public final class JsonFormat implements ExportFormat {
  @Override
  public String id() {
    return "json";
  }

  @Override
  public String mediaType() {
    return "application/json";
  }

  @Override
  public String fileExtension() {
    return "json";
  }

  @Override
  public ExportWriter open(OutputStream out) throws IOException {
    return new JsonWriter(DeviceJson.buffer(out));
  }

  private static final class JsonWriter implements ExportWriter {
    private final Writer out;
    private JsonGenerator generator;

    JsonWriter(Writer out) {
      this.out = out;
    }

    @Override
    public void begin(ExportContext context) {
      generator = DeviceJson.generator(out);
      generator.writeStartArray();
    }

    @Override
    public void device(ExportedDevice device) {
      DeviceJson.write(generator, device);
    }

    @Override
    public void end() throws IOException {
      generator.writeEnd();
      generator.close();
      out.flush();
    }
  }
}
