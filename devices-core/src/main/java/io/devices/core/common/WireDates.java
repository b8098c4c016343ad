package io.devices.core.common;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The date-times the API accepts: ISO-8601 with an offset, or milliseconds since the epoch, in the
 * years 0001 to 9999 (so that every one round-trips through {@code YYYY-MM-DDTHH:MM:SS.sssZ}).
 */
public final class WireDates {
  private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant AFTER_LAST = Instant.parse("+10000-01-01T00:00:00Z");

  private WireDates() {}

  /** The instant, if its year is one the wire can write (0001 to 9999). */
  public static Instant requireWireYear(String field, Instant instant) {
    if (instant.isBefore(FIRST) || !instant.isBefore(AFTER_LAST)) {
      throw DomainException.validation(field + " must be a date-time in the years 0001 to 9999");
    }
    return instant;
  }

  /** An ISO-8601 date-time with an offset ({@code Z} or {@code +02:00}). */
  public static Instant parseIso(String field, String iso, String rule) {
    try {
      return requireWireYear(field, OffsetDateTime.parse(iso).toInstant());
    } catch (DateTimeException e) {
      throw DomainException.validation(field + rule);
    }
  }

  /** An integral number of milliseconds since the epoch. */
  public static Instant fromEpochMilli(String field, BigDecimal millis, String rule) {
    try {
      return requireWireYear(field, Instant.ofEpochMilli(millis.longValueExact()));
    } catch (ArithmeticException | DateTimeException e) {
      throw DomainException.validation(field + rule);
    }
  }
}
