package io.devices.core.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** The wait of a clean stop: workers get a bounded time to finish what they hold. */
public final class ShutdownGrace {
  private ShutdownGrace() {}

  /**
   * Returns once {@code busy} turns false or {@code grace} has passed (or the thread is
   * interrupted), checking every 20 ms.
   */
  public static void await(Duration grace, Clock clock, BooleanSupplier busy) {
    Instant deadline = clock.instant().plus(grace);
    while (busy.getAsBoolean() && clock.instant().isBefore(deadline)) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
