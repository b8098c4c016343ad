package io.devices.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** An HTTP {@code Retry-After} header: a number of seconds or an HTTP date (RFC 9110 10.2.3). */
final class RetryAfter {
  static final String HEADER = "Retry-After";

  private RetryAfter() {}

  /** The wait the header asks for from {@code now}; empty when absent or unreadable. */
  static Optional<Duration> parse(Optional<String> header, Instant now) {
    return header.map(String::trim).filter(h -> !h.isEmpty()).flatMap(h -> parse(h, now));
  }

  private static Optional<Duration> parse(String value, Instant now) {
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
      } catch (NumberFormatException e) {
        return Optional.empty(); // more digits than a long: not a wait anyone means
      }
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
