package io.devices.core.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 12);

  @Test
  void theWaitDoublesUpToTheLongest() {
    assertEquals(Duration.ofSeconds(1), backoff.delayAfter(1));
    assertEquals(Duration.ofSeconds(2), backoff.delayAfter(2));
    assertEquals(Duration.ofSeconds(64), backoff.delayAfter(7));
    assertEquals(Duration.ofSeconds(256), backoff.delayAfter(9));
    assertEquals(Duration.ofMinutes(5), backoff.delayAfter(10));
    assertEquals(Duration.ofMinutes(5), backoff.delayAfter(500), "no overflow");
    assertEquals(Duration.ofSeconds(1), backoff.delayAfter(0), "before any attempt: the first");
  }

  @Test
  void anotherAttemptOnlyWhileAttemptsAreLeft() {
    assertEquals(Optional.of(NOW.plusSeconds(8)), backoff.retryAt(4, NOW));
    assertEquals(Optional.of(NOW.plus(Duration.ofMinutes(5))), backoff.retryAt(11, NOW));
    assertTrue(backoff.retryAt(12, NOW).isEmpty(), "the twelfth attempt was the last");
  }

  @Test
  void aBackoffThatCannotWorkIsRefused() {
    Duration second = Duration.ofSeconds(1);
    assertThrows(IllegalArgumentException.class, () -> new Backoff(second.negated(), second, 1));
    assertThrows(IllegalArgumentException.class, () -> new Backoff(second, Duration.ZERO, 1));
    assertThrows(IllegalArgumentException.class, () -> new Backoff(second, second, 0));
  }
}
