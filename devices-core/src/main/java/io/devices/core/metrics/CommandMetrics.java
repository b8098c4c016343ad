package io.devices.core.metrics;

import io.devices.core.command.CommandQueued;
import io.devices.core.command.DeliveriesRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Counts command deliveries on this server: accepted into the outbox, delivered to a transport,
 * failed for good. Prometheus: {@code devices_commands_queued_total}, {@code
 * devices_commands_delivered_total}, {@code devices_commands_failed_total}.
 */
@ApplicationScoped
public class CommandMetrics {
  private static final String QUEUED = "devices.commands.queued";
  private static final String DELIVERED = "devices.commands.delivered";
  private static final String FAILED = "devices.commands.failed";

  @Inject MetricRegistry registry;

  /** Registered at start, so that a scrape shows them at zero rather than not at all. */
  void register(@Observes Startup startup) {
    counter(QUEUED);
    counter(DELIVERED);
    counter(FAILED);
  }

  /** Counted only once committed: a rolled-back Send Command queued nothing. */
  void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommandQueued queued) {
    counter(QUEUED).inc(queued.deliveries());
  }

  void onRecorded(@Observes DeliveriesRecorded recorded) {
    counter(DELIVERED).inc(recorded.delivered());
    counter(FAILED).inc(recorded.failed());
  }

  private Counter counter(String name) {
    return registry.counter(name);
  }
}
