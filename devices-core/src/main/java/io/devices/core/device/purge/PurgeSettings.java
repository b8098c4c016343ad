package io.devices.core.device.purge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code devices.device.retention} (env {@code DEVICES_DEVICE_RETENTION}, ISO-8601, default {@code
 * P30D}): how long a deleted device can still be restored before the purge removes it; {@code
 * devices.device.purge-interval} (default {@code PT1M}): how often the purge looks. A value that is
 * not an ISO-8601 duration stops the deployment with MicroProfile Config's message naming the key;
 * a retention or interval that is not positive stops it with this class's.
 */
@ApplicationScoped
public class PurgeSettings {
  private Duration retention;
  private Duration interval;

  /** For the CDI proxy only. */
  protected PurgeSettings() {}

  @Inject
  public PurgeSettings(
      @ConfigProperty(name = "devices.device.retention", defaultValue = "P30D") Duration retention,
      @ConfigProperty(name = "devices.device.purge-interval", defaultValue = "PT1M")
          Duration interval) {
    this.retention = positive("devices.device.retention", retention);
    this.interval = positive("devices.device.purge-interval", interval);
  }

  private static Duration positive(String key, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(
          key + " must be a positive ISO-8601 duration (such as P30D or PT12H), not " + value);
    }
    return value;
  }

  public Duration retention() {
    return retention;
  }

  public Duration interval() {
    return interval;
  }

  /** Devices deleted before this instant are purged: deleted longer than the retention ago. */
  public Instant cutoff(Instant now) {
    return now.minus(retention);
  }
}
