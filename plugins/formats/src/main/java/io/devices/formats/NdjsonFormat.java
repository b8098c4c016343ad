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
 * Devices as newline-delimited JSON: the device object of {@link JsonFormat} one per line, each
 * line ended by {@code \n}, no enclosing array; an application without devices gives an empty file.
 */
public final class NdjsonFormat implements ExportFormat {
  @Override
  public String id() {
    return "ndjson";
  }

  @Override
  public String mediaType() {
    return "application/x-ndjson";
  }

  @Override
  public String fileExtension() {
    return "ndjson";
  }

  @Override
  public ExportWriter open(OutputStream out) throws IOException {
    return new NdjsonWriter(DeviceJson.buffer(out));
  }

  private static final class NdjsonWriter implements ExportWriter {
    private final Writer out;

    NdjsonWriter(Writer out) {
      this.out = out;
    }

    @Override
    public void begin(ExportContext context) {}

    @Override
    public void device(ExportedDevice device) throws IOException {
      // A generator writes one root value, so each line gets its own (they share pooled buffers).
      JsonGenerator generator = DeviceJson.generator(out);
      DeviceJson.write(generator, device);
      generator.close();
      out.write('\n');
    }

    @Override
    public void end() throws IOException {
      out.flush();
    }
  }
}
