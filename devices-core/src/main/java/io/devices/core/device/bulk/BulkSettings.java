package io.devices.core.device.bulk;

import io.devices.core.work.Backoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code devices.bulk.*} settings (each also settable by its environment variable form, e.g.
 * {@code DEVICES_BULK_SYNC_LIMIT}): up to how many devices a bulk change is done within the
 * request, and how device jobs run.
 */
@ApplicationScoped
public class BulkSettings {
  private int syncLimit;
  private int batchSize;
  private int workers;
  private Duration pollInterval;
  private Duration lease;
  private Backoff backoff;

  /** For the CDI proxy only. */
  protected BulkSettings() {}

  @Inject
  public BulkSettings(
      @ConfigProperty(name = "devices.bulk.sync-limit", defaultValue = "1000") int syncLimit,
      @ConfigProperty(name = "devices.bulk.batch-size", defaultValue = "500") int batchSize,
      @ConfigProperty(name = "devices.bulk.workers", defaultValue = "1") int workers,
      @ConfigProperty(name = "devices.bulk.poll-interval", defaultValue = "PT2S")
          Duration pollInterval,
      @ConfigProperty(name = "devices.bulk.lease", defaultValue = "PT60S") Duration lease,
      @ConfigProperty(name = "devices.bulk.retry-delay", defaultValue = "PT10S")
          Duration retryDelay,
      @ConfigProperty(name = "devices.bulk.max-attempts", defaultValue = "5") int maxAttempts) {
    this.syncLimit = Math.max(0, syncLimit);
    this.batchSize = Math.max(1, batchSize);
    this.workers = Math.max(1, workers);
    this.pollInterval = pollInterval;
    this.lease = lease;
    this.backoff = new Backoff(retryDelay, retryDelay.multipliedBy(32), Math.max(1, maxAttempts));
  }

  /** At most this many selected devices are changed within the request. */
  public int syncLimit() {
    return syncLimit;
  }

  /** Devices per batch of a job: each batch is one transaction. */
  public int batchSize() {
    return batchSize;
  }

  public int workers() {
    return workers;
  }

  public Duration pollInterval() {
    return pollInterval;
  }

  /** How long a job's claim lasts unless a batch renews it. */
  public Duration lease() {
    return lease;
  }

  /** When a job whose batch failed is tried again, and how often before it fails for good. */
  public Backoff backoff() {
    return backoff;
  }
}
