package io.devices.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Retry-After as seconds or as an HTTP date; anything else is no wait at all. */
class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  private static Optional<Duration> parse(String header) {
    return RetryAfter.parse(Optional.ofNullable(header), NOW);
  }

  @Test
  void seconds() {
    assertEquals(Optional.of(Duration.ofSeconds(120)), parse("120"));
    assertEquals(Optional.of(Duration.ZERO), parse(" 0 "));
  }

  @Test
  void anHttpDate() {
    assertEquals(Optional.of(Duration.ofMinutes(90)), parse("Tue, 01 Dec 2026 11:30:00 GMT"));
    assertEquals(
        Optional.of(Duration.ZERO), parse("Tue, 01 Dec 2026 09:00:00 GMT"), "a date passed");
  }

  @Test
  void absentOrUnreadable() {
    assertEquals(Optional.empty(), parse(null));
    assertEquals(Optional.empty(), parse(""));
    assertEquals(Optional.empty(), parse("soon"));
    assertEquals(Optional.empty(), parse("-5"));
    assertEquals(Optional.empty(), parse("99999999999999999999999"));
  }
}
