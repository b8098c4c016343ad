package io.devices.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WireTest {
  @Test
  void aQuotedDateIsWhatTheFormatterWrites() {
    SplittableRandom random = new SplittableRandom(14);
    long[] edges = {
      0L,
      1L,
      999L,
      -1L,
      Instant.parse("0001-01-01T00:00:00.000Z").toEpochMilli(),
      Instant.parse("0999-12-31T23:59:59.999Z").toEpochMilli(),
      Instant.parse("2024-02-29T09:05:07.010Z").toEpochMilli(),
      Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli(),
      Instant.parse("+10000-01-01T00:00:00.000Z").toEpochMilli(),
      Instant.parse("0000-06-01T00:00:00.000Z").toEpochMilli()
    };
    for (long millis : edges) {
      assertQuoted(millis);
    }
    for (int i = 0; i < 100_000; i++) {
      assertQuoted(random.nextLong(-62_135_596_800_000L, 253_402_300_799_999L));
    }
  }

  private static void assertQuoted(long millis) {
    assertEquals(
        '"' + Wire.date(Instant.ofEpochMilli(millis)) + '"',
        Wire.appendQuotedDate(new StringBuilder(), millis).toString(),
        Long.toString(millis));
  }
}
