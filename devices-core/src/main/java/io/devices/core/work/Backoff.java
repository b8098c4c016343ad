package io.devices.core.work;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one retry policy of background work: the first wait, doubled after each failed attempt, up to
 * a longest wait and a number of attempts.
 */
public record Backoff(Duration first, Duration longest, int attempts) {
  public Backoff {
    if (first.isNegative() || longest.compareTo(first) < 0 || attempts < 1) {
      throw new IllegalArgumentException("invalid backoff " + first + ".." + longest);
    }
  }

  /**
   * Doubling without a cap: within {@code attempts} the wait never reaches {@code longest}, as the
   * settings that predate this policy promised (a first wait and a number of attempts).
   */
  public static Backoff uncapped(Duration first, int attempts) {
    return new Backoff(first, first.multipliedBy(1L << Math.min(30, attempts)), attempts);
  }

  /** The wait after the given failed attempt (1-based). */
  public Duration delayAfter(int attempt) {
    int doublings = Math.min(30, Math.max(0, attempt - 1));
    Duration delay = first.multipliedBy(1L << doublings);
    return delay.compareTo(longest) > 0 ? longest : delay;
  }

  /** When to try again after the given failed attempt, or empty when no attempt is left. */
  public Optional<Instant> retryAt(int attempt, Instant now) {
    return attempt >= attempts ? Optional.empty() : Optional.of(now.plus(delayAfter(attempt)));
  }
}
