package io.devices.core.device.purge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Retention arithmetic: what the purge may remove at a given time. */
class PurgeSettingsTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  @Test
  void theCutoffIsTheRetentionBeforeNow() {
    PurgeSettings settings = new PurgeSettings(Duration.parse("P30D"), Duration.ofMinutes(1));
    assertEquals(Instant.parse("2026-11-01T12:00:00Z"), settings.cutoff(NOW));
    assertEquals(
        NOW.minusSeconds(2),
        new PurgeSettings(Duration.parse("PT2S"), Duration.ofMinutes(1)).cutoff(NOW));
  }

  @Test
  void onlyDevicesDeletedLongerThanTheRetentionAgoArePurged() {
    PurgeSettings settings = new PurgeSettings(Duration.ofDays(30), Duration.ofMinutes(1));
    Instant cutoff = settings.cutoff(NOW);
    Instant deletedJustInTime = NOW.minus(Duration.ofDays(30)); // still restorable at NOW
    Instant deletedEarlier = deletedJustInTime.minusMillis(1);
    assertTrue(deletedEarlier.isBefore(cutoff), "deleted 30 days and 1 ms ago: purged");
    assertEquals(deletedJustInTime, cutoff, "exactly 30 days ago: not yet (deleted_at < cutoff)");
  }

  @Test
  void aRetentionOrIntervalThatIsNotPositiveIsRefusedByItsKey() {
    IllegalArgumentException retention =
        assertThrows(
            IllegalArgumentException.class,
            () -> new PurgeSettings(Duration.ZERO, Duration.ofMinutes(1)));
    assertTrue(retention.getMessage().startsWith("devices.device.retention must be"));
    IllegalArgumentException interval =
        assertThrows(
            IllegalArgumentException.class,
            () -> new PurgeSettings(Duration.ofDays(1), Duration.ofSeconds(-1)));
    assertTrue(interval.getMessage().startsWith("devices.device.purge-interval must be"));
  }
}
