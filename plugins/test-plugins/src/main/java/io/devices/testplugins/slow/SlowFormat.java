package io.devices.testplugins.slow;

import io.devices.spi.export.ExportContext;
import io.devices.spi.export.ExportFormat;
import io.devices.spi.export.ExportWriter;
import io.devices.spi.export.ExportedDevice;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A deliberately slow format: one line per device (its id), after sleeping {@code
 * millis-per-device} (setting {@code devices.export.slow.millis-per-device}, environment {@code
 * DEVICES_EXPORT_SLOW_MILLIS_PER_DEVICE}, default 10). An export takes long enough for a test to
 * stop or kill the server in its middle.
 */
public final class SlowFormat implements ExportFormat {
  private volatile long millisPerDevice = 10;

  @Override
  public String id() {
    return "slow";
  }

  @Override
  public void start(Map<String, String> config) {
    millisPerDevice = Long.parseLong(config.getOrDefault("millis-per-device", "10"));
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
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    long pause = millisPerDevice;
    return new ExportWriter() {
      @Override
      public void begin(ExportContext context) {}

      @Override
      public void device(ExportedDevice device) throws IOException {
        try {
          Thread.sleep(pause);
        } catch (InterruptedException e) {
          // Ends this attempt; the server interrupted it (a stop) and knows why.
          throw new InterruptedIOException("interrupted");
        }
        writer.write(device.id() + "\n");
      }

      @Override
      public void end() throws IOException {
        writer.flush();
      }
    };
  }
}
