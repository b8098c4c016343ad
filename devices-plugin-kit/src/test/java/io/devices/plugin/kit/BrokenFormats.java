package io.devices.plugin.kit;

import io.devices.spi.export.ExportContext;
import io.devices.spi.export.ExportFormat;
import io.devices.spi.export.ExportWriter;
import io.devices.spi.export.ExportedDevice;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Export formats that each break one rule, for the kit's own test: one line per device id. {@link
 * Sound} keeps every rule; the others break one each.
 */
final class BrokenFormats {
  private BrokenFormats() {}

  /** One device id per line. */
  public static class Sound implements ExportFormat {
    @Override
    public String id() {
      return "kit-sound";
    }

    @Override
    public String mediaType() {
      return "text/plain; charset=UTF-8";
    }

    @Override
    public String fileExtension() {
      return "txt";
    }

    @Override
    public ExportWriter open(OutputStream out) {
      Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      return new ExportWriter() {
        @Override
        public void begin(ExportContext context) {}

        @Override
        public void device(ExportedDevice device) throws IOException {
          writer.write(device.id() + "\n");
        }

        @Override
        public void end() throws IOException {
          finish(writer);
        }
      };
    }

    void finish(Writer writer) throws IOException {
      writer.flush();
    }
  }

  /** Closes the server's stream at the end. */
  public static class Closing extends Sound {
    @Override
    void finish(Writer writer) throws IOException {
      writer.close();
    }
  }

  /** Leaves its buffer unflushed at the end. */
  public static class Unflushed extends Sound {
    @Override
    void finish(Writer writer) {}
  }

  /** Holds every device until the end. */
  public static class Hoarding extends Sound {
    @Override
    public ExportWriter open(OutputStream out) {
      List<String> ids = new ArrayList<>();
      return new ExportWriter() {
        @Override
        public void begin(ExportContext context) {}

        @Override
        public void device(ExportedDevice device) {
          ids.add(device.id());
        }

        @Override
        public void end() throws IOException {
          out.write(String.join("", ids.stream().map(id -> id + "\n").toList()).getBytes());
        }
      };
    }
  }

  /** One writer for every export. */
  public static class Shared extends Sound {
    private ExportWriter writer;

    @Override
    public synchronized ExportWriter open(OutputStream out) {
      if (writer == null) {
        writer = super.open(out);
      }
      return writer;
    }
  }

  /** An id the server refuses, a file extension with a dot. */
  public static class Misnamed extends Sound {
    @Override
    public String id() {
      return "Kit Misnamed";
    }

    @Override
    public String fileExtension() {
      return ".txt";
    }
  }

  /** Has no settings, yet refuses to start with a key it does not know. */
  public static class Picky extends Sound {
    @Override
    public String id() {
      return "kit-picky";
    }

    @Override
    public void start(java.util.Map<String, String> config) {
      if (!config.isEmpty()) {
        throw new IllegalArgumentException("unknown settings " + config.keySet());
      }
    }
  }

  /** Reads the one-id-per-line files back. */
  static void verify(byte[] output, List<ExportedDevice> devices) {
    String expected = String.join("", devices.stream().map(d -> d.id() + "\n").toList());
    org.junit.jupiter.api.Assertions.assertEquals(
        expected, new String(output, StandardCharsets.UTF_8));
  }
}
