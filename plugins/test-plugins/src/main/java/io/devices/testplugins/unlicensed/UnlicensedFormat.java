package io.devices.testplugins.unlicensed;

import io.devices.spi.export.ExportFormat;
import io.devices.spi.export.ExportWriter;
import java.io.OutputStream;
import java.util.Map;

/** A plugin that refuses to start: the server logs it and leaves it out, never fatal. */
public final class UnlicensedFormat implements ExportFormat {
  /** What {@link #start} throws with. */
  public static final String REFUSAL = "no licence";

  @Override
  public String id() {
    return "unlicensed";
  }

  @Override
  public void start(Map<String, String> config) {
    throw new IllegalStateException(REFUSAL);
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
    throw new UnsupportedOperationException("never started");
  }
}
