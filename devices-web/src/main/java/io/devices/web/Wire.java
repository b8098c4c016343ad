package io.devices.web;

import io.devices.core.common.DomainException;
import io.devices.core.common.Paging;
import io.devices.core.common.WireDates;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Wire conventions every resource shares: dates, numbers and flags in the query, paging. */
public final class Wire {
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private static final Pattern DIGITS = Pattern.compile("^[0-9]{1,10}$");

  private Wire() {}

  /** ISO-8601 UTC with milliseconds, e.g. {@code 2016-06-13T04:00:00.000Z}. */
  public static String date(Instant instant) {
    return instant == null ? null : ISO_MILLIS.format(instant);
  }

  public static Instant parseDate(String field, String value) {
    try {
      return value == null ? null : WireDates.requireWireYear(field, Instant.parse(value));
    } catch (DateTimeParseException e) {
      throw DomainException.validation(field + " must be an ISO-8601 date-time");
    }
  }

  /** A flag in the query: {@code true} or {@code false}; absent or blank is false. */
  public static boolean flag(String field, String value) {
    if (value == null || value.isBlank() || value.equals("false")) {
      return false;
    }
    if (value.equals("true")) {
      return true;
    }
    throw DomainException.validation(field + " must be true or false");
  }

  /** page (default 0) and perPage (default 1000) as they arrive in the query: strings. */
  public static Paging paging(String page, String perPage) {
    return new Paging(
        integer("page", page, 0, "page must be a non-negative integer"),
        integer("perPage", perPage, Paging.MAX_PER_PAGE, "perPage must be between 1 and 1000"));
  }

  private static int integer(String field, String value, int fallback, String rule) {
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    if (!DIGITS.matcher(value).matches()) {
      throw DomainException.validation(rule);
    }
    long parsed = Long.parseLong(value);
    if (parsed > Integer.MAX_VALUE) {
      throw DomainException.validation(field + " must be at most " + Integer.MAX_VALUE);
    }
    return (int) parsed;
  }
}
