package io.devices.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {
  private final DeliveryPolicy policy =
      new DeliveryPolicy(3, Duration.ofSeconds(1), 10, Duration.ofSeconds(10));

  @Test
  void theWaitDoublesAfterEachFailedAttempt() {
    assertEquals(Duration.ofSeconds(1), policy.delayAfter(DeliveryChannel.callback, 1));
    assertEquals(Duration.ofSeconds(2), policy.delayAfter(DeliveryChannel.callback, 2));
    assertEquals(Duration.ofSeconds(40), policy.delayAfter(DeliveryChannel.email, 3));
  }

  @Test
  void eachChannelHasItsOwnAttemptLimit() {
    assertEquals(3, policy.maxAttempts(DeliveryChannel.callback));
    assertEquals(10, policy.maxAttempts(DeliveryChannel.email));
  }
}
