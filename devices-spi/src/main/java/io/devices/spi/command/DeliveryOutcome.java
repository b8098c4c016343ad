package io.devices.spi.command;

import java.time.Duration;
import java.util.Objects;

/**
 * What became of one message.
 *
 * @param reason why it is retried or failed; null when delivered
 * @param retryAfter for {@link Status#RETRY_LATER}: the earliest the receiver accepts another
 *     attempt (an HTTP {@code Retry-After}), which the server waits at least, beyond its own
 *     backoff; null when the receiver named none
 */
public record DeliveryOutcome(Status status, String reason, Duration retryAfter) {
  /** The three outcomes. */
  public enum Status {
    /** Accepted by the system that takes it to the device. */
    DELIVERED,
    /** Not now (broker down, timeout): the server tries again later. */
    RETRY_LATER,
    /** Never (the device cannot be addressed): the server gives up on it. */
    FAILED
  }

  private static final DeliveryOutcome DELIVERED = new DeliveryOutcome(Status.DELIVERED, null);

  public DeliveryOutcome {
    Objects.requireNonNull(status, "status");
    if (retryAfter != null && (status != Status.RETRY_LATER || retryAfter.isNegative())) {
      throw new IllegalArgumentException("retryAfter is a non-negative wait of RETRY_LATER");
    }
  }

  public DeliveryOutcome(Status status, String reason) {
    this(status, reason, null);
  }

  public static DeliveryOutcome delivered() {
    return DELIVERED;
  }

  public static DeliveryOutcome retryLater(String reason) {
    return new DeliveryOutcome(Status.RETRY_LATER, reason);
  }

  /**
   * Retry, but not before {@code delay} has passed: the next attempt comes after the later of this
   * delay and the server's backoff. A delay that ends past the command's time to live fails the
   * delivery.
   */
  public static DeliveryOutcome retryAfter(Duration delay, String reason) {
    return new DeliveryOutcome(Status.RETRY_LATER, reason, delay);
  }

  public static DeliveryOutcome failed(String reason) {
    return new DeliveryOutcome(Status.FAILED, reason);
  }
}
