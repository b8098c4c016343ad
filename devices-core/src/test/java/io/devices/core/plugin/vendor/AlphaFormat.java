package io.devices.core.plugin.vendor;

import io.devices.spi.export.ExportFormat;
import io.devices.spi.export.ExportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A vendor's format, packed into plugin jars by the tests (never loaded from the test class path).
 * When started with a {@code stopped-marker} setting, {@code stop} creates that file.
 */
public class AlphaFormat implements ExportFormat {
  private Path stoppedMarker;

  @Override
  public String id() {
    return "alpha";
  }

  @Override
  public void start(Map<String, String> config) {
    String marker = config.get("stopped-marker");
    stoppedMarker = marker == null ? null : Path.of(marker, id());
  }

  @Override
  public void stop() {
    if (stoppedMarker != null) {
      try {
        Files.createFile(stoppedMarker);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
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
    throw new UnsupportedOperationException();
  }
}
