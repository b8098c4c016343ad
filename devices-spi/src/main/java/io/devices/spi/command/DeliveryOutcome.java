package io.devices.spi.command;

/**
 * What became of one message.
 *
 * @param reason why it is retried or failed; null when delivered
 */
public record DeliveryOutcome(Status status, String reason) {
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

  public static DeliveryOutcome delivered() {
    return DELIVERED;
  }

  public static DeliveryOutcome retryLater(String reason) {
    return new DeliveryOutcome(Status.RETRY_LATER, reason);
  }

  public static DeliveryOutcome failed(String reason) {
    return new DeliveryOutcome(Status.FAILED, reason);
  }
}
