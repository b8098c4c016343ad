package io.devices.core.work;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small real kind of work, held in memory: units are a count of things to do; a unit may be made
 * to wait for a gate (to hold workers busy) or to throw (a broken database).
 */
final class CountingKind implements WorkKind {
  final AtomicInteger queued = new AtomicInteger();
  final AtomicInteger done = new AtomicInteger();
  final AtomicInteger running = new AtomicInteger();
  final AtomicInteger mostAtOnce = new AtomicInteger();
  final AtomicInteger throwsLeft = new AtomicInteger();
  final List<String> owners = new CopyOnWriteArrayList<>();

  /** When each call of runOne began, on the engine's clock (the system's). */
  final List<Instant> attempts = new CopyOnWriteArrayList<>();

  final List<String> released = new CopyOnWriteArrayList<>();
  volatile CountDownLatch gate = new CountDownLatch(0);
  volatile boolean stopping;
  volatile int busyWhenReleased = -1;
  WorkEngine engine;

  private final int workers;
  private final Duration pollInterval;

  CountingKind(int workers, Duration pollInterval) {
    this.workers = workers;
    this.pollInterval = pollInterval;
  }

  @Override
  public String name() {
    return "counting";
  }

  @Override
  public int workers() {
    return workers;
  }

  @Override
  public Duration pollInterval() {
    return pollInterval;
  }

  @Override
  public boolean runOne(Lease lease) throws Exception {
    attempts.add(Instant.now());
    if (throwsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("the database is gone");
    }
    if (queued.getAndUpdate(n -> Math.max(0, n - 1)) == 0) {
      return false;
    }
    owners.add(lease.owner());
    int now = running.incrementAndGet();
    mostAtOnce.accumulateAndGet(now, Math::max);
    try {
      while (!stopping && !gate.await(10, TimeUnit.MILLISECONDS)) {
        // held busy until the gate opens or the engine stops
      }
      done.incrementAndGet();
      return true;
    } finally {
      running.decrementAndGet();
    }
  }

  @Override
  public int releaseAllOf(String node, Instant now) {
    busyWhenReleased = engine.busy(name());
    released.add(node);
    return 0;
  }

  @Override
  public void stopping() {
    stopping = true;
  }
}
