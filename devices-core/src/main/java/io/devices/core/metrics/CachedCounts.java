package io.devices.core.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts read from the database by a background refresh and served to gauges from memory, so that a
 * scrape of {@code /metrics} never queries the database (nor waits for it when it is down: the last
 * known values stay).
 */
final class CachedCounts {
  private final Map<String, Long> values = new ConcurrentHashMap<>();

  long get(String key) {
    return values.getOrDefault(key, 0L);
  }

  void put(String key, long value) {
    values.put(key, value);
  }
}
