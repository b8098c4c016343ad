package io.devices.core.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.core.common.NodeId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine on real executors with a small in-memory kind of work. */
class WorkEngineTest {
  private static final Duration NEVER = Duration.ofHours(1);

  private final ExecutorService workers = Executors.newCachedThreadPool();
  private final ScheduledExecutorService polls = Executors.newSingleThreadScheduledExecutor();
  private final RecordedEvents<WorkRan> ran = new RecordedEvents<>();
  private final WorkEngine engine = new WorkEngine();

  @AfterEach
  void shutDown() {
    workers.shutdownNow();
    polls.shutdownNow();
  }

  private CountingKind started(int workerLimit, Duration pollInterval) {
    CountingKind kind = new CountingKind(workerLimit, pollInterval);
    kind.engine = engine;
    engine.clock = Clock.systemUTC();
    engine.ran = ran;
    engine.shutdownGrace = Duration.ofSeconds(5);
    engine.start(List.of(kind), workers, polls);
    return kind;
  }

  @Test
  void queuedWorkRunsAtOnceWithoutWaitingForThePoll() throws Exception {
    CountingKind kind = started(2, NEVER);
    kind.queued.set(5);
    Thread.sleep(100);
    assertEquals(0, kind.done.get(), "nothing runs before the poll or a wake");

    engine.onQueued(new WorkQueued("counting"));

    await(() -> kind.done.get() == 5, "the five units done");
    await(() -> engine.busy("counting") == 0, "the workers returned when nothing was due");
    assertEquals(5, ran.fired.stream().filter(r -> !r.failed()).count(), "one run per unit");
    assertTrue(kind.owners.stream().allMatch(o -> o.startsWith(NodeId.current() + ":")));
    engine.onQueued(new WorkQueued("another kind")); // ignored
  }

  @Test
  void noMoreWorkersRunAtOnceThanTheKindAllows() throws Exception {
    CountingKind kind = started(3, Duration.ofMillis(20));
    kind.gate = new CountDownLatch(1);
    kind.queued.set(20);
    for (int i = 0; i < 10; i++) {
      engine.wake("counting");
    }
    await(() -> kind.running.get() == 3, "three units in progress");
    Thread.sleep(200); // polls and wakes meanwhile start no fourth
    assertEquals(3, kind.mostAtOnce.get());
    assertEquals(3, engine.busy("counting"));

    kind.gate.countDown();
    await(() -> kind.done.get() == 20, "every unit done");
    assertEquals(3, kind.mostAtOnce.get());
  }

  @Test
  void aCleanStopEndsTheWorkersThenReleasesWhatTheServerHolds() throws Exception {
    CountingKind kind = started(2, Duration.ofMillis(20));
    kind.gate = new CountDownLatch(1); // never opened: only the stop ends these units
    kind.queued.set(10);
    engine.wake("counting");
    await(() -> kind.running.get() == 2, "two units in progress");

    engine.stop();

    assertTrue(kind.stopping, "the kind was asked to stop");
    assertEquals(List.of(NodeId.current()), kind.released, "released once, for this server");
    assertEquals(0, kind.busyWhenReleased, "released after the workers had returned");
    assertEquals(false, engine.isPolling("counting"));
    int done = kind.done.get();
    engine.wake("counting");
    Thread.sleep(100);
    assertEquals(done, kind.done.get(), "nothing starts after the stop");
    assertEquals(8, kind.queued.get(), "the two held units ended, no other started");
  }

  @Test
  void aKindThatKeepsThrowingDoesNotEndItsPoll() throws Exception {
    CountingKind kind = started(1, Duration.ofMillis(20));
    kind.throwsLeft.set(4);
    kind.queued.set(3);

    await(() -> kind.done.get() == 3, "the units done by the polls after four failures");
    assertTrue(engine.isPolling("counting"));
    assertEquals(4, ran.fired.stream().filter(WorkRan::failed).count(), "four failures");
  }

  @Test
  void aThrowingKindRestsLongerAfterEachFailureInARow() throws Exception {
    Duration interval = Duration.ofMillis(200);
    CountingKind kind = started(1, interval);
    kind.throwsLeft.set(2);
    kind.queued.set(1);
    engine.wake("counting"); // fails at once: rests one poll interval
    await(() -> kind.throwsLeft.get() == 1, "the first failure");
    engine.wake("counting"); // during the rest: starts nothing
    await(() -> kind.done.get() == 1, "the unit done after the rests");

    // Lower bounds only, so a slow machine cannot fail them: a rest ends no sooner than its time
    // after the failure, whatever woke the kind meanwhile; the second rest is twice the first.
    List<Instant> attempts = kind.attempts;
    assertTrue(attempts.size() >= 3, attempts.toString());
    assertFalse(
        Duration.between(attempts.get(0), attempts.get(1)).compareTo(interval) < 0,
        "no worker while the kind rests after one failure: " + attempts);
    assertFalse(
        Duration.between(attempts.get(1), attempts.get(2)).compareTo(interval.multipliedBy(2)) < 0,
        "a longer rest after the second failure in a row: " + attempts);
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(5);
    }
  }
}
