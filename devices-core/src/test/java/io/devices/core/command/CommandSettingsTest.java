package io.devices.core.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Retries: a doubling wait up to a cap, until the command's time to live has passed. */
class CommandSettingsTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private final CommandSettings settings =
      new CommandSettings(
          "mqtt",
          Duration.ofHours(24),
          4,
          1000,
          Duration.ofMinutes(2),
          Duration.ofSeconds(1),
          Duration.ofSeconds(1),
          Duration.ofMinutes(5));

  @Test
  void theWaitDoublesUpToItsCap() {
    assertEquals(Duration.ofSeconds(1), settings.retries().delayAfter(1));
    assertEquals(Duration.ofSeconds(2), settings.retries().delayAfter(2));
    assertEquals(Duration.ofSeconds(64), settings.retries().delayAfter(7));
    assertEquals(Duration.ofSeconds(256), settings.retries().delayAfter(9));
    assertEquals(Duration.ofMinutes(5), settings.retries().delayAfter(10));
    assertEquals(Duration.ofMinutes(5), settings.retries().delayAfter(500));
  }

  @Test
  void aDeliveryIsRetriedWhileTheCommandLivesThenFails() {
    Instant expiry = NOW.plusSeconds(10);
    assertEquals(Optional.of(NOW.plusSeconds(8)), settings.retryAt(4, NOW, expiry));
    assertTrue(settings.retryAt(5, NOW, expiry).isEmpty(), "16 s would be past the expiry");
    assertTrue(settings.retryAt(1, expiry, expiry).isEmpty(), "nothing after the expiry");
  }

  @Test
  void aWaitTheReceiverAskedForPostponesTheRetryButNeverPastTheExpiry() {
    Instant expiry = NOW.plusSeconds(100);
    assertEquals(
        Optional.of(NOW.plusSeconds(30)),
        settings.retryAt(1, NOW, expiry, Duration.ofSeconds(30)),
        "30 s asked for, 1 s of backoff");
    assertEquals(
        Optional.of(NOW.plusSeconds(64)),
        settings.retryAt(7, NOW, expiry, Duration.ofSeconds(5)),
        "the backoff is longer than the wait asked for");
    assertTrue(
        settings.retryAt(1, NOW, expiry, Duration.ofSeconds(101)).isEmpty(),
        "a wait past the expiry fails the delivery");
    assertTrue(
        settings.retryAt(1, NOW, expiry, Duration.ofSeconds(Long.MAX_VALUE)).isEmpty(),
        "a wait beyond any instant");
  }
}
