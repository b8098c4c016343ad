package io.devices.web;

import io.devices.core.common.DomainException;
import io.devices.core.common.Paging;
import io.devices.core.common.WireDates;
import java.time.Instant;
import java.time.LocalDate;
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

  /**
   * Appends {@link #date} of the instant, quoted, without a formatter: a page writes two dates per
   * device, and {@link DateTimeFormatter} was a visible share of it. Years outside 1-9999 (which no
   * wire date has) take the formatter.
   */
  public static StringBuilder appendQuotedDate(StringBuilder json, long epochMillis) {
    long seconds = Math.floorDiv(epochMillis, 1000L);
    int millis = (int) Math.floorMod(epochMillis, 1000L);
    LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
    int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
    if (day.getYear() < 1 || day.getYear() > 9999) {
      return json.append('"').append(date(Instant.ofEpochMilli(epochMillis))).append('"');
    }
    json.append('"');
    digits(json, day.getYear(), 4).append('-');
    digits(json, day.getMonthValue(), 2).append('-');
    digits(json, day.getDayOfMonth(), 2).append('T');
    digits(json, secondOfDay / 3600, 2).append(':');
    digits(json, secondOfDay / 60 % 60, 2).append(':');
    digits(json, secondOfDay % 60, 2).append('.');
    return digits(json, millis, 3).append("Z\"");
  }

  private static StringBuilder digits(StringBuilder json, int value, int width) {
    // value < 10^width: zeros for the digits it lacks.
    for (int bound = width == 4 ? 1000 : width == 3 ? 100 : 10; bound > 1; bound /= 10) {
      if (value >= bound) {
        break;
      }
      json.append('0');
    }
    return json.append(value);
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
