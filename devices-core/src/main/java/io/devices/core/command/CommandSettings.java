package io.devices.core.command;

import io.devices.core.work.Backoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code devices.command.*} settings (environment variables {@code DEVICES_COMMAND_*}): the
 * default transport, how long deliveries are retried, and how the workers run.
 */
@ApplicationScoped
public class CommandSettings {
  private String defaultTransport;
  private Duration timeToLive;
  private int workers;
  private int batchSize;
  private Duration lease;
  private Duration pollInterval;
  private Backoff retries;

  /** For the CDI proxy only. */
  protected CommandSettings() {}

  @Inject
  public CommandSettings(
      @ConfigProperty(name = "devices.command.transport", defaultValue = "mqtt")
          String defaultTransport,
      @ConfigProperty(name = "devices.command.ttl", defaultValue = "PT24H") Duration timeToLive,
      @ConfigProperty(name = "devices.command.workers", defaultValue = "4") int workers,
      @ConfigProperty(name = "devices.command.batch-size", defaultValue = "1000") int batchSize,
      @ConfigProperty(name = "devices.command.lease", defaultValue = "PT2M") Duration lease,
      @ConfigProperty(name = "devices.command.poll-interval", defaultValue = "PT1S")
          Duration pollInterval,
      @ConfigProperty(name = "devices.command.retry-delay", defaultValue = "PT1S")
          Duration retryDelay,
      @ConfigProperty(name = "devices.command.max-retry-delay", defaultValue = "PT5M")
          Duration maxRetryDelay) {
    this.defaultTransport = defaultTransport;
    this.timeToLive = timeToLive;
    this.workers = Math.max(1, workers);
    this.batchSize = Math.max(1, batchSize);
    this.lease = lease;
    this.pollInterval = pollInterval;
    this.retries = new Backoff(retryDelay, maxRetryDelay, Integer.MAX_VALUE);
  }

  /** The transport of devices without a {@code commandTransport} tag. */
  public String defaultTransport() {
    return defaultTransport;
  }

  /** How long after it is sent a command is still retried; then its deliveries fail. */
  public Duration timeToLive() {
    return timeToLive;
  }

  public int workers() {
    return workers;
  }

  /** Deliveries claimed and handed to a transport at once. */
  public int batchSize() {
    return batchSize;
  }

  /** How long a claimed batch is a worker's; a crashed worker's claim expires after it. */
  public Duration lease() {
    return lease;
  }

  public Duration pollInterval() {
    return pollInterval;
  }

  /**
   * The waits between attempts: doubling from retry-delay up to max-retry-delay. There is no limit
   * of attempts: a delivery is retried until its command's time to live has passed.
   */
  public Backoff retries() {
    return retries;
  }

  /**
   * When to try again after a failed attempt, or empty when that would be past the command's expiry
   * (its time to live): the delivery then fails.
   */
  public Optional<Instant> retryAt(int attempt, Instant now, Instant expiresAt) {
    return retryAt(attempt, now, expiresAt, Duration.ZERO);
  }

  /**
   * As {@link #retryAt(int, Instant, Instant)}, but not before {@code earliest} from now (the wait
   * a transport's receiver asked for, e.g. by HTTP {@code Retry-After}).
   */
  public Optional<Instant> retryAt(int attempt, Instant now, Instant expiresAt, Duration earliest) {
    if (earliest.compareTo(Duration.between(now, expiresAt)) > 0) {
      return Optional.empty(); // also keeps an absurd Retry-After from overflowing the instant
    }
    Instant notBefore = now.plus(earliest);
    return retries
        .retryAt(attempt, now)
        .map(next -> next.isBefore(notBefore) ? notBefore : next)
        .filter(next -> !next.isAfter(expiresAt));
  }
}
