package io.devices.core.work;

import io.devices.core.common.NodeId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one {@link WorkKind}: its poll, its workers (at most {@link WorkKind#workers()} at once) and
 * the pause after failures. A worker that throws ends; the kind then rests for a doubling time
 * (from its poll interval up to {@link #LONGEST_REST}) before the engine starts workers for it
 * again, so a kind whose database is gone does not spin.
 */
final class KindRunner {
  private static final Logger LOG = Logger.getLogger(KindRunner.class.getName());
  static final Duration LONGEST_REST = Duration.ofSeconds(30);

  private final WorkKind kind;
  private final ExecutorService executor;
  private final Clock clock;
  private final Consumer<WorkRan> ran;
  private final Backoff rest;
  private final AtomicInteger busy = new AtomicInteger();
  private final AtomicInteger failuresInARow = new AtomicInteger();
  private volatile Instant restUntil = Instant.MIN;
  private volatile boolean stopped;
  private volatile ScheduledFuture<?> polling;

  KindRunner(WorkKind kind, ExecutorService executor, Clock clock, Consumer<WorkRan> ran) {
    this.kind = kind;
    this.executor = executor;
    this.clock = clock;
    this.ran = ran;
    Duration first = kind.pollInterval();
    this.rest =
        new Backoff(
            first, first.compareTo(LONGEST_REST) > 0 ? first : LONGEST_REST, Integer.MAX_VALUE);
  }

  WorkKind kind() {
    return kind;
  }

  void startPolling(ScheduledExecutorService scheduler) {
    long period = Math.max(1, kind.pollInterval().toMillis());
    polling = scheduler.scheduleWithFixedDelay(this::poll, period, period, TimeUnit.MILLISECONDS);
  }

  private void poll() {
    try {
      wake();
    } catch (RuntimeException e) {
      // A scheduled task that throws never runs again: keep polling.
      LOG.log(Level.WARNING, "The poll of " + kind.name() + " failed", e);
    }
  }

  /** False once the poll has ended (stopped, or a scheduled task that threw). */
  boolean isPolling() {
    return polling != null && !polling.isDone();
  }

  int busy() {
    return busy.get();
  }

  /** Starts workers up to the limit, unless stopped or resting after a failure. */
  void wake() {
    while (!stopped && !resting()) {
      int now = busy.get();
      if (now >= kind.workers()) {
        return;
      }
      if (busy.compareAndSet(now, now + 1)) {
        // A failing worker sets the rest before it frees its slot: checked again once the slot is
        // ours, a rest that began since the check above is seen.
        if (resting()) {
          busy.decrementAndGet();
          return;
        }
        try {
          executor.execute(this::work);
        } catch (RejectedExecutionException e) {
          busy.decrementAndGet();
          return;
        }
      }
    }
  }

  private boolean resting() {
    return clock.instant().isBefore(restUntil);
  }

  private void work() {
    String owner = NodeId.current() + ":" + UUID.randomUUID().toString().substring(0, 8);
    try {
      while (!stopped && runOne(owner)) {
        failuresInARow.set(0);
      }
    } catch (Exception | Error e) {
      int failures = failuresInARow.incrementAndGet();
      restUntil = clock.instant().plus(rest.delayAfter(failures));
      ran.accept(new WorkRan(kind.name(), true));
      LOG.log(
          Level.WARNING,
          "A worker of " + kind.name() + " failed (" + failures + " in a row); polling goes on",
          e);
    } finally {
      busy.decrementAndGet();
    }
  }

  private boolean runOne(String owner) throws Exception {
    Instant now = clock.instant();
    boolean did = kind.runOne(new Lease(owner, now, now.plus(kind.leaseLength())));
    if (did) {
      ran.accept(new WorkRan(kind.name(), false));
    }
    return did;
  }

  /** No more polls or workers; workers in progress end after their current unit. */
  void stop() {
    stopped = true;
    if (polling != null) {
      polling.cancel(false);
    }
    try {
      kind.stopping();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not ask " + kind.name() + " to stop", e);
    }
  }

  /** Gives back what this server still holds of the kind, after the workers had their grace. */
  void release(String node) {
    try {
      int released = kind.releaseAllOf(node, clock.instant());
      LOG.info(
          () ->
              kind.name()
                  + " stopped; released "
                  + released
                  + " units, "
                  + busy.get()
                  + " workers still busy");
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Could not release this server's units of " + kind.name(), e);
    }
  }
}
