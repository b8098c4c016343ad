package io.devices.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {
  private final DeliveryPolicy policy =
      new DeliveryPolicy(3, Duration.ofSeconds(1), 10, Duration.ofSeconds(10));

  @Test
  void theWaitDoublesAfterEachFailedAttempt() {
    assertEquals(Duration.ofSeconds(1), policy.retries(DeliveryChannel.callback).delayAfter(1));
    assertEquals(Duration.ofSeconds(2), policy.retries(DeliveryChannel.callback).delayAfter(2));
    assertEquals(Duration.ofSeconds(40), policy.retries(DeliveryChannel.email).delayAfter(3));
  }

  @Test
  void eachChannelHasItsOwnAttemptLimit() {
    assertEquals(3, policy.retries(DeliveryChannel.callback).attempts());
    assertEquals(10, policy.retries(DeliveryChannel.email).attempts());
  }
}
