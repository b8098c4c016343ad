package io.devices.core.command;

import io.devices.core.common.NodeId;
import io.devices.core.common.ShutdownGrace;
import io.devices.spi.command.CommandMessage;
import io.devices.spi.command.CommandTransport;
import io.devices.spi.command.DeliveryOutcome;
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
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers pending commands. Up to {@code devices.command.workers} workers each claim a batch of
 * due deliveries, hand them to their transports, record the outcomes and claim again until nothing
 * is due. Workers start when a command is recorded and at every poll (which also picks up retries
 * and the deliveries of a crashed server once their lease expired). A retry waits a doubling delay;
 * past the command's time to live a delivery fails.
 */
@ApplicationScoped
public class CommandDispatcher {
  private static final Logger LOG = Logger.getLogger(CommandDispatcher.class.getName());
  private static final int MAX_CACHED_COMMANDS = 1000;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  @Inject CommandOutbox outbox;
  @Inject CommandTransports transports;
  @Inject CommandSettings settings;
  @Inject Clock clock;
  @Inject Event<DeliveriesRecorded> recorded;

  @Inject
  @ConfigProperty(name = "devices.shutdown.grace", defaultValue = "PT10S")
  Duration shutdownGrace;

  private final AtomicInteger running = new AtomicInteger();
  private final Map<String, CommandOutbox.CommandRow> commands = new ConcurrentHashMap<>();
  private final Map<String, String> messages = new ConcurrentHashMap<>();
  private volatile boolean stopped;
  private ScheduledFuture<?> polling;

  void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) Startup startup) {
    long period = settings.pollInterval().toMillis();
    polling = scheduler.scheduleWithFixedDelay(this::wake, period, period, TimeUnit.MILLISECONDS);
  }

  void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommandQueued queued) {
    wake();
  }

  /** Starts workers up to the limit; each stops when nothing is due. */
  void wake() {
    while (!stopped) {
      int now = running.get();
      if (now >= settings.workers()) {
        return;
      }
      if (running.compareAndSet(now, now + 1)) {
        try {
          executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
          running.decrementAndGet();
          return;
        }
      }
    }
  }

  /**
   * False once the periodic poll has ended: cancelled at shutdown, or ended by an exception (a
   * scheduled task that throws never runs again), after which retries and crashed servers' work
   * would wait forever. For the liveness check.
   */
  public boolean isPolling() {
    return polling == null || !polling.isDone();
  }

  private void drain() {
    try {
      while (!stopped && deliverOneBatch()) {
        // claim again until nothing is due
      }
    } catch (Exception | Error e) {
      LOG.log(Level.WARNING, "Command delivery worker failed; the next poll starts another", e);
    } finally {
      running.decrementAndGet();
    }
  }

  /**
   * @return whether a batch was claimed
   */
  boolean deliverOneBatch() throws Exception {
    String token = NodeId.current() + ":" + UUID.randomUUID().toString().substring(0, 8);
    Instant now = clock.instant();
    List<ClaimedDelivery> batch =
        outbox.claim(token, settings.batchSize(), now, now.plus(settings.lease()));
    if (batch.isEmpty()) {
      return false;
    }
    Map<String, String> named =
        outbox.transports(batch.stream().map(ClaimedDelivery::deviceId).toList());
    Map<String, List<ClaimedDelivery>> byTransport = new LinkedHashMap<>();
    for (ClaimedDelivery delivery : batch) {
      String transport = named.getOrDefault(delivery.deviceId(), settings.defaultTransport());
      byTransport.computeIfAbsent(transport, t -> new ArrayList<>()).add(delivery);
    }
    List<CommandOutbox.Outcome> outcomes = new ArrayList<>(batch.size());
    for (Map.Entry<String, List<ClaimedDelivery>> group : byTransport.entrySet()) {
      List<ClaimedDelivery> live =
          outbox.withoutDeletedDevices(group.getValue(), outcomes, clock.instant());
      outcomes.addAll(deliver(group.getKey(), live));
    }
    recorded.fire(outbox.record(token, outcomes, clock.instant()));
    return true;
  }

  private List<CommandOutbox.Outcome> deliver(String transportId, List<ClaimedDelivery> batch)
      throws Exception {
    if (batch.isEmpty()) {
      return List.of();
    }
    Optional<CommandTransport> transport = transports.find(transportId);
    List<DeliveryOutcome> results;
    if (transport.isEmpty()) {
      results =
          batch.stream()
              .map(
                  d ->
                      DeliveryOutcome.failed(
                          "No installed command transport is named " + transportId))
              .toList();
    } else {
      List<CommandMessage> messages = new ArrayList<>(batch.size());
      for (ClaimedDelivery delivery : batch) {
        messages.add(message(delivery));
      }
      results = attempt(transport.get(), messages);
    }
    List<CommandOutbox.Outcome> outcomes = new ArrayList<>(batch.size());
    Instant now = clock.instant();
    for (int i = 0; i < batch.size(); i++) {
      outcomes.add(outcome(batch.get(i), transportId, results.get(i), now));
    }
    return outcomes;
  }

  private static List<DeliveryOutcome> attempt(
      CommandTransport transport, List<CommandMessage> messages) {
    try {
      List<DeliveryOutcome> results = transport.deliver(messages);
      if (results == null || results.size() != messages.size()) {
        throw new IllegalStateException(
            "the transport " + transport.id() + " answered for the wrong number of messages");
      }
      return results;
    } catch (Exception | LinkageError e) {
      String reason = String.valueOf(e.getMessage() == null ? e : e.getMessage());
      return messages.stream().map(m -> DeliveryOutcome.retryLater(reason)).toList();
    }
  }

  private CommandOutbox.Outcome outcome(
      ClaimedDelivery delivery, String transport, DeliveryOutcome result, Instant now)
      throws Exception {
    return switch (result.status()) {
      case DELIVERED ->
          new CommandOutbox.Outcome(delivery, transport, DeliveryState.delivered, null, now);
      case FAILED ->
          new CommandOutbox.Outcome(
              delivery, transport, DeliveryState.failed, bounded(result.reason()), now);
      case RETRY_LATER -> {
        Optional<Instant> next =
            settings.retryAt(delivery.attempts(), now, command(delivery.commandId()).expiresAt());
        if (next.isEmpty()) {
          yield new CommandOutbox.Outcome(
              delivery,
              transport,
              DeliveryState.failed,
              bounded("Not delivered within the command's time to live: " + result.reason()),
              now);
        }
        yield new CommandOutbox.Outcome(
            delivery, transport, DeliveryState.pending, bounded(result.reason()), next.get());
      }
    };
  }

  private CommandMessage message(ClaimedDelivery delivery) throws Exception {
    CommandOutbox.CommandRow command = command(delivery.commandId());
    String json =
        messages.computeIfAbsent(
            command.id(),
            id -> CommandMessages.json(command.name(), command.payloadJson(), command.time()));
    return new CommandMessage(
        delivery.commandId() + ":" + delivery.deviceId(),
        command.applicationId(),
        delivery.deviceId(),
        command.id(),
        command.name(),
        command.payloadJson(),
        command.time(),
        json);
  }

  private CommandOutbox.CommandRow command(String commandId) throws Exception {
    CommandOutbox.CommandRow cached = commands.get(commandId);
    if (cached == null) {
      if (commands.size() >= MAX_CACHED_COMMANDS) {
        commands.clear();
        messages.clear();
      }
      cached = outbox.command(commandId);
      commands.put(commandId, cached);
    }
    return cached;
  }

  private static String bounded(String reason) {
    String text = reason == null ? "unknown reason" : reason;
    return text.length() > 2000 ? text.substring(0, 2000) : text;
  }

  /**
   * A clean stop: no new batches; the workers get {@code devices.shutdown.grace} to deliver and
   * record the batch they hold; whatever this server still holds after that is released, so that
   * after a restart (or on another server) nothing waits for a lease to expire.
   */
  @PreDestroy
  void stop() {
    stopped = true;
    if (polling != null) {
      polling.cancel(false);
    }
    ShutdownGrace.await(shutdownGrace, clock, () -> running.get() > 0);
    try {
      int released = outbox.releaseClaimsOf(NodeId.current(), clock.instant());
      LOG.info(
          () ->
              "Command delivery stopped; released "
                  + released
                  + " claimed deliveries, "
                  + running.get()
                  + " workers still busy");
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Could not release this server's claimed deliveries", e);
    }
  }
}
