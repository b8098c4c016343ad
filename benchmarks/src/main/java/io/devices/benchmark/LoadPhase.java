package io.devices.benchmark;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When the clients stop: after {@code minSeconds} once {@code minRequests} have completed, and in
 * any case after {@code maxSeconds} or when the run's shared request budget is spent. A warm-up
 * asks for a number of requests as well as a time, so that a slow (busy) machine still gets a
 * compiled server before the measurement; the measurement itself is bounded by time alone.
 */
final class LoadPhase {
  private final long start = System.nanoTime();
  private final long minEnd;
  private final long maxEnd;
  private final long minRequests;
  private final AtomicLong budget;
  private final AtomicLong completed = new AtomicLong();

  LoadPhase(int minSeconds, int maxSeconds, long minRequests, AtomicLong budget) {
    this.minEnd = start + TimeUnit.SECONDS.toNanos(minSeconds);
    this.maxEnd = start + TimeUnit.SECONDS.toNanos(Math.max(minSeconds, maxSeconds));
    this.minRequests = minRequests;
    this.budget = budget;
  }

  /** Whether a client may send one more request (it takes one from the budget). */
  boolean next() {
    long now = System.nanoTime();
    boolean going = now < minEnd || (now < maxEnd && completed.get() < minRequests);
    return going && budget.getAndDecrement() > 0;
  }

  void completed() {
    completed.incrementAndGet();
  }

  long requests() {
    return completed.get();
  }

  double elapsedSeconds() {
    return (System.nanoTime() - start) / 1e9;
  }
}
