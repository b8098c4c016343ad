package io.devices.web.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The largest request body the server reads: {@code devices.http.max-body-bytes} (environment
 * {@code DEVICES_HTTP_MAX_BODY_BYTES}), 1 MiB by default. A device, token or command body is a few
 * KiB at most; the limit keeps a client from making the server buffer megabytes.
 */
@ApplicationScoped
public class BodyLimit {
  public static final long DEFAULT_BYTES = 1024 * 1024;

  private long maxBytes;

  /** For the CDI proxy only. */
  protected BodyLimit() {}

  @Inject
  public BodyLimit(
      @ConfigProperty(name = "devices.http.max-body-bytes", defaultValue = "1048576")
          long maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException(
          "devices.http.max-body-bytes must be at least 1, not " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }
}
