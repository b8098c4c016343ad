package io.devices.testplugins.failing;

import io.devices.spi.export.ExportContext;
import io.devices.spi.export.ExportFormat;
import io.devices.spi.export.ExportWriter;
import io.devices.spi.export.ExportedDevice;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A format that always fails, in the integration-test server's plugins directory (jar {@code
 * failing-format}), so the tests can watch an export fail: retries, then the failure reported by
 * callback, email and the status endpoint.
 */
public final class FailingFormat implements ExportFormat {
  /** The message every attempt fails with. */
  public static final String FAILURE = "the failing test format refuses to write";

  @Override
  public String id() {
    return "failing";
  }

  @Override
  public String mediaType() {
    return "text/plain";
  }

  @Override
  public String fileExtension() {
    return "txt";
  }

  @Override
  public ExportWriter open(OutputStream out) {
    return new ExportWriter() {
      @Override
      public void begin(ExportContext context) throws IOException {
        throw new IOException(FAILURE);
      }

      @Override
      public void device(ExportedDevice device) {}

      @Override
      public void end() {}
    };
  }
}
