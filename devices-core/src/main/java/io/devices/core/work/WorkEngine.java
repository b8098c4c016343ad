package io.devices.core.work;

import io.devices.core.common.NodeId;
import io.devices.core.common.ShutdownGrace;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs every {@link WorkKind} on Jakarta Concurrency: a poll per kind every {@link
 * WorkKind#pollInterval()}, workers started at once after the commit of a {@link WorkQueued}, at
 * most {@link WorkKind#workers()} per kind, and one clean stop for all of them.
 */
@ApplicationScoped
public class WorkEngine {
  private static final Logger LOG = Logger.getLogger(WorkEngine.class.getName());

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  @Inject Instance<WorkKind> kinds;
  @Inject Event<WorkRan> ran;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "devices.shutdown.grace", defaultValue = "PT10S")
  Duration shutdownGrace;

  private final Map<String, KindRunner> runners = new LinkedHashMap<>();

  /** After the schema migration, which observes Startup with the default priority. */
  void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) Startup startup) {
    start(kinds.stream().toList(), executor, scheduler);
  }

  /** Starts polling the given kinds; the CDI start, or a test's. */
  void start(List<WorkKind> all, ExecutorService workers, ScheduledExecutorService polls) {
    for (WorkKind kind : all) {
      KindRunner runner = new KindRunner(kind, workers, clock, ran::fire);
      if (runners.putIfAbsent(kind.name(), runner) != null) {
        throw new IllegalStateException("Two kinds of work are named " + kind.name());
      }
      runner.startPolling(polls);
    }
    LOG.info(() -> "Work engine started: " + describe());
  }

  private String describe() {
    StringBuilder text = new StringBuilder();
    runners.values().stream()
        .map(KindRunner::kind)
        .forEach(
            k ->
                text.append(text.isEmpty() ? "" : ", ")
                    .append(k.name())
                    .append(" (")
                    .append(k.workers())
                    .append(" at once)"));
    return text.toString();
  }

  /** Starts a kind's workers once the transaction that queued its work has committed. */
  void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) WorkQueued queued) {
    wake(queued.kind());
  }

  /** Starts workers for the named kind now (an unknown name is ignored). */
  public void wake(String kind) {
    Optional.ofNullable(runners.get(kind)).ifPresent(KindRunner::wake);
  }

  /** The names of the kinds, in the order they started. */
  public List<String> kinds() {
    return List.copyOf(runners.keySet());
  }

  /** Whether the kind's poll still runs: for the liveness check. */
  public boolean isPolling(String kind) {
    return Optional.ofNullable(runners.get(kind)).map(KindRunner::isPolling).orElse(false);
  }

  /** The kind's workers running now. */
  public int busy(String kind) {
    return Optional.ofNullable(runners.get(kind)).map(KindRunner::busy).orElse(0);
  }

  /**
   * A clean stop: no more polls; every kind is asked to end what it runs ({@link
   * WorkKind#stopping()}); the workers get {@code devices.shutdown.grace} to return; then every
   * kind gives back what this server still holds, so that after a restart (or on another server)
   * nothing waits for a lease to expire.
   */
  @PreDestroy
  void stop() {
    runners.values().forEach(KindRunner::stop);
    ShutdownGrace.await(
        shutdownGrace, clock, () -> runners.values().stream().anyMatch(r -> r.busy() > 0));
    runners.values().forEach(r -> r.release(NodeId.current()));
  }
}
