package io.devices.mqtt;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/** Fresh 24-hex ids for the tests' devices and commands: the time's seconds, then a counter. */
final class TestIds {
  private static final AtomicLong COUNTER = new AtomicLong(new SecureRandom().nextInt() & 0xffffff);

  private TestIds() {}

  static String next(Instant time) {
    return String.format("%08x", time.getEpochSecond())
        + HexFormat.of().toHexDigits(COUNTER.getAndIncrement());
  }
}
