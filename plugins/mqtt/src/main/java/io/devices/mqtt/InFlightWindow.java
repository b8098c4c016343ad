package io.devices.mqtt;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The client's in-flight window, shared by every batch: one permit per message published and not
 * yet acknowledged, as many as Paho's {@code max-inflight}. Paho counts a message from its sending
 * to its PUBACK and frees it before calling back, so a publisher holding a permit always finds room
 * in Paho's window too; a publisher without one waits, first come first served.
 */
final class InFlightWindow {
  private final Semaphore permits;

  InFlightWindow(int size) {
    permits = new Semaphore(size, true);
  }

  /**
   * Waits for room until {@code deadline} ({@link System#nanoTime()}).
   *
   * @return false when the window stayed full (or the thread was interrupted)
   */
  boolean enter(long deadline) {
    try {
      return permits.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A message left the window: acknowledged, failed, or never sent. */
  void leave() {
    permits.release();
  }
}
