package io.devices.core.metrics;

import io.devices.core.command.CommandOutbox;
import io.devices.core.export.ExportJobCounts;
import io.devices.core.export.JobState;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Gauges of the work waiting in the database, shared by every server: pending command deliveries
 * ({@code devices_commands_pending}) and export jobs by state ({@code
 * devices_export_jobs{state="queued|running|succeeded|failed"}}). Counted every {@code
 * devices.metrics.refresh-interval} (two cheap indexed queries) on the application's scheduler.
 */
@ApplicationScoped
public class BacklogMetrics {
  private static final Logger LOG = Logger.getLogger(BacklogMetrics.class.getName());
  private static final String PENDING = "pending";

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  @Inject MetricRegistry registry;
  @Inject CommandOutbox outbox;
  @Inject ExportJobCounts exportJobs;

  @Inject
  @ConfigProperty(name = "devices.metrics.refresh-interval", defaultValue = "PT5S")
  Duration refreshInterval;

  private final CachedCounts counts = new CachedCounts();
  private ScheduledFuture<?> refreshing;

  /** After the schema migration, which observes Startup with the default priority. */
  void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) Startup startup) {
    registry.gauge("devices.commands.pending", () -> counts.get(PENDING));
    for (JobState state : JobState.values()) {
      registry.gauge(
          "devices.export.jobs", () -> counts.get(state.name()), new Tag("state", state.name()));
    }
    long period = refreshInterval.toMillis();
    refreshing = scheduler.scheduleWithFixedDelay(this::refresh, 0, period, TimeUnit.MILLISECONDS);
  }

  void refresh() {
    try {
      counts.put(PENDING, outbox.pendingCount());
      for (Map.Entry<JobState, Long> state : exportJobs.byState().entrySet()) {
        counts.put(state.getKey().name(), state.getValue());
      }
    } catch (Exception e) {
      // The database readiness check reports the outage; keep the last values meanwhile.
      LOG.log(Level.FINE, "Could not count the backlog for the metrics", e);
    }
  }

  @PreDestroy
  void stop() {
    if (refreshing != null) {
      refreshing.cancel(false);
    }
  }
}
