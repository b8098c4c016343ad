package io.devices.benchmark.floor;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Epoch milliseconds as ISO-8601 UTC with milliseconds ({@code 2016-06-13T04:00:00.000Z}). */
final class FloorDates {
  private FloorDates() {}

  static String iso(long epochMilli) {
    LocalDateTime t =
        LocalDateTime.ofEpochSecond(Math.floorDiv(epochMilli, 1000L), 0, ZoneOffset.UTC);
    char[] c = new char[24];
    digits(c, 0, t.getYear(), 4);
    c[4] = '-';
    digits(c, 5, t.getMonthValue(), 2);
    c[7] = '-';
    digits(c, 8, t.getDayOfMonth(), 2);
    c[10] = 'T';
    digits(c, 11, t.getHour(), 2);
    c[13] = ':';
    digits(c, 14, t.getMinute(), 2);
    c[16] = ':';
    digits(c, 17, t.getSecond(), 2);
    c[19] = '.';
    digits(c, 20, (int) Math.floorMod(epochMilli, 1000L), 3);
    c[23] = 'Z';
    return new String(c);
  }

  private static void digits(char[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
