package io.devices.spi.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.devices.spi.command.DeliveryOutcome.Status;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A wait before the next attempt belongs to a retry, and is never negative. */
class DeliveryOutcomeTest {
  @Test
  void retryAfterIsARetryWithAnEarliestNextAttempt() {
    DeliveryOutcome outcome = DeliveryOutcome.retryAfter(Duration.ofSeconds(30), "HTTP 503");
    assertEquals(Status.RETRY_LATER, outcome.status());
    assertEquals(Duration.ofSeconds(30), outcome.retryAfter());
    assertNull(DeliveryOutcome.retryLater("busy").retryAfter(), "the server's backoff alone");
  }

  @Test
  void onlyARetryWaitsAndNeverForANegativeTime() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new DeliveryOutcome(Status.FAILED, "gone", Duration.ofSeconds(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> DeliveryOutcome.retryAfter(Duration.ofSeconds(-1), "clock skew"));
  }
}
