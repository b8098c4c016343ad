package io.devices.benchmark;

import java.util.Arrays;

/** Latency samples in nanoseconds, summarised as median and 99th percentile in milliseconds. */
final class Stats {
  private final long[] nanos;
  private int size;

  Stats(int capacity) {
    nanos = new long[capacity];
  }

  void add(long sampleNanos) {
    nanos[size++] = sampleNanos;
  }

  int size() {
    return size;
  }

  boolean isFull() {
    return size == nanos.length;
  }

  double medianMs() {
    return percentileMs(50);
  }

  double p99Ms() {
    return percentileMs(99);
  }

  /** Nearest-rank percentile. */
  double percentileMs(double percent) {
    if (size == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(nanos, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percent / 100.0 * size);
    return sorted[Math.max(0, rank - 1)] / 1_000_000.0;
  }
}
