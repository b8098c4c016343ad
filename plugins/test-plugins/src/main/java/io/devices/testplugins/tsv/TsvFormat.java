package io.devices.testplugins.tsv;

import io.devices.spi.export.ExportContext;
import io.devices.spi.export.ExportFormat;
import io.devices.spi.export.ExportWriter;
import io.devices.spi.export.ExportedDevice;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** A vendor's tab-separated format: a comment line, then id, name and tag count per device. */
public final class TsvFormat implements ExportFormat {
  @Override
  public String id() {
    return "tsv";
  }

  @Override
  public String mediaType() {
    return "text/tab-separated-values; charset=UTF-8";
  }

  @Override
  public String fileExtension() {
    return "tsv";
  }

  @Override
  public ExportWriter open(OutputStream out) {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    return new ExportWriter() {
      @Override
      public void begin(ExportContext context) throws IOException {
        writer.write("# " + context.applicationName() + "\n");
      }

      @Override
      public void device(ExportedDevice device) throws IOException {
        writer.write(device.id() + "\t" + device.name() + "\t" + device.tags().size() + "\n");
      }

      @Override
      public void end() throws IOException {
        writer.flush();
      }
    };
  }
}
