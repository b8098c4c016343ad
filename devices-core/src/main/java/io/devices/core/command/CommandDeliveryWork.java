package io.devices.core.command;

import io.devices.core.work.Lease;
import io.devices.core.work.WorkKind;
import io.devices.spi.command.CommandMessage;
import io.devices.spi.command.CommandTransport;
import io.devices.spi.command.DeliveryOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Delivers pending commands, as the work engine's kind {@value #NAME}: a unit is a batch of due
 * deliveries, claimed under the worker's lease, handed to their transports, and their outcomes
 * recorded. A retry waits per {@code devices.command.retry-delay} / {@code max-retry-delay}, and at
 * least the wait a transport's outcome names ({@code Retry-After}); past the command's time to live
 * a delivery fails.
 */
@ApplicationScoped
public class CommandDeliveryWork implements WorkKind {
  public static final String NAME = "commandDelivery";
  private static final int MAX_CACHED_COMMANDS = 1000;

  @Inject CommandOutbox outbox;
  @Inject CommandTransports transports;
  @Inject CommandSettings settings;
  @Inject Clock clock;
  @Inject Event<DeliveriesRecorded> recorded;

  private final Map<String, CommandOutbox.CommandRow> commands = new ConcurrentHashMap<>();
  private final Map<String, String> messages = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int workers() {
    return settings.workers();
  }

  @Override
  public Duration pollInterval() {
    return settings.pollInterval();
  }

  @Override
  public Duration leaseLength() {
    return settings.lease();
  }

  /** Deliveries a crashed or stopped worker of {@code node} held become due at once. */
  @Override
  public int releaseAllOf(String node, Instant now) throws Exception {
    return outbox.releaseClaimsOf(node, now);
  }

  /**
   * Claims, delivers and records one batch.
   *
   * @return whether a batch was claimed
   */
  @Override
  public boolean runOne(Lease lease) throws Exception {
    String token = lease.owner();
    List<ClaimedDelivery> batch =
        outbox.claim(token, settings.batchSize(), lease.now(), lease.until());
    if (batch.isEmpty()) {
      return false;
    }
    CommandOutbox.Recipients recipients =
        outbox.recipients(batch.stream().map(ClaimedDelivery::deviceId).toList());
    Map<String, List<ClaimedDelivery>> byTransport = new LinkedHashMap<>();
    for (ClaimedDelivery delivery : batch) {
      String transport =
          recipients.transports().getOrDefault(delivery.deviceId(), settings.defaultTransport());
      byTransport.computeIfAbsent(transport, t -> new ArrayList<>()).add(delivery);
    }
    List<CommandOutbox.Outcome> outcomes = new ArrayList<>(batch.size());
    boolean first = true;
    for (Map.Entry<String, List<ClaimedDelivery>> group : byTransport.entrySet()) {
      // Deleted devices are cancelled, not sent: the first group by the lookup just made, each
      // later one checked again, as the groups before it may have taken a while.
      List<ClaimedDelivery> live =
          first
              ? CommandOutbox.withoutDeleted(
                  group.getValue(), recipients.deleted(), outcomes, clock.instant())
              : outbox.withoutDeletedDevices(group.getValue(), outcomes, clock.instant());
      first = false;
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
            settings.retryAt(
                delivery.attempts(),
                now,
                command(delivery.commandId()).expiresAt(),
                result.retryAfter() == null ? Duration.ZERO : result.retryAfter());
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
}
