package io.devices.benchmark;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Requests per second with concurrent clients. */
final class Throughput {
  private Throughput() {}

  /** (e) Creates {@code count} devices with {@code clients} threads; creates per second. */
  static double posts(ApiClient api, String applicationId, int clients, int count, Duration limit)
      throws Exception {
    Duration elapsed = new Seeder(api, clients).seed(applicationId, "post-", count, limit, false);
    return count / (elapsed.toNanos() / 1e9);
  }

  /**
   * (f) Lists devices as in (a), rotating pages and directions, with {@code clients} threads for
   * {@code duration}; completed requests per second.
   */
  static double gets(ApiClient api, String applicationId, int clients, Duration duration)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    Clients.run(
        clients,
        () -> {
          while (System.nanoTime() < end) {
            String query = ListCase.page.request(next.getAndIncrement()).queryString();
            api.listDevices(applicationId, query);
            done.incrementAndGet();
          }
          return null;
        });
    return done.get() / ((System.nanoTime() - start) / 1e9);
  }
}
