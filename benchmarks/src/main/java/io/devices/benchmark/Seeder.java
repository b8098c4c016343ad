package io.devices.benchmark;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates devices through the API with concurrent clients. Device {@code i} is named {@code
 * dev-%05d}, has three tags (floor = i mod 50, a unique serial, one of five kinds), two attributes
 * ({@code temperature} and one of twenty {@code readingN}) and a class (one in ten a gateway, one
 * in ten floating, the others standalone), so that queries on each have something to select.
 */
final class Seeder {
  static final int FLOORS = 50;
  static final int READINGS = 20;
  static final String[] KINDS = {"thermostat", "meter", "camera", "lock", "light"};

  private final ApiClient api;
  private final int clients;

  Seeder(ApiClient api, int clients) {
    this.api = api;
    this.clients = clients;
  }

  /** The Device Post body of device {@code i} ({@code prefix} keeps names apart per run). */
  static String deviceBody(String prefix, int i) {
    return String.format(
        Locale.ROOT,
        "{\"name\":\"%s%05d\",%s\"tags\":[{\"key\":\"floor\",\"value\":\"%d\"},"
            + "{\"key\":\"serial\",\"value\":\"s%d\"},{\"key\":\"kind\",\"value\":\"%s\"}],"
            + "\"attributes\":[{\"name\":\"temperature\",\"dataType\":\"number\"},"
            + "{\"name\":\"reading%d\",\"dataType\":\"string\"}]}",
        prefix,
        i,
        switch (i % 10) {
          case 0 -> "\"deviceClass\":\"gateway\",";
          case 1 -> "\"deviceClass\":\"floating\",";
          default -> "";
        },
        i % FLOORS,
        i,
        KINDS[i % KINDS.length],
        i % READINGS);
  }

  /**
   * Creates devices {@code 0..count-1} named {@code prefix + i}, each client taking the next
   * number; stops early (and fails) when {@code limit} has passed.
   *
   * @return the elapsed time
   */
  Duration seed(String applicationId, String prefix, int count, Duration limit, boolean progress)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    long start = System.nanoTime();
    long deadline = start + limit.toNanos();
    Clients.run(
        clients,
        () -> {
          for (int i = next.getAndIncrement();
              i < count && System.nanoTime() < deadline;
              i = next.getAndIncrement()) {
            api.createDevice(applicationId, deviceBody(prefix, i));
            int created = done.incrementAndGet();
            if (progress && created % 10_000 == 0) {
              double seconds = (System.nanoTime() - start) / 1e9;
              System.out.printf(
                  Locale.ROOT,
                  "  seeded %,d devices in %.1f s (%.0f/s)%n",
                  created,
                  seconds,
                  created / seconds);
            }
          }
          return null;
        });
    if (done.get() < count) {
      throw new IllegalStateException(
          "Created only " + done.get() + " of " + count + " devices within " + limit);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
