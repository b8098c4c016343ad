package io.devices.core.metrics;

import io.devices.core.work.WorkEngine;
import io.devices.core.work.WorkRan;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The work engine on this server, per kind of work: units done ({@code
 * devices_work_runs_total{kind}}), workers that threw ({@code devices_work_failures_total{kind}})
 * and workers running now ({@code devices_work_busy{kind}}).
 */
@ApplicationScoped
public class WorkMetrics {
  private static final String RUNS = "devices.work.runs";
  private static final String FAILURES = "devices.work.failures";

  @Inject MetricRegistry registry;
  @Inject WorkEngine engine;

  /** After the engine started (same priority, and it is observed in no set order: hence here). */
  void register(@Observes @Priority(Interceptor.Priority.APPLICATION + 1001) Startup startup) {
    for (String kind : engine.kinds()) {
      Tag tag = new Tag("kind", kind);
      registry.counter(RUNS, tag);
      registry.counter(FAILURES, tag);
      registry.gauge("devices.work.busy", () -> engine.busy(kind), tag);
    }
  }

  void onRan(@Observes WorkRan ran) {
    registry.counter(ran.failed() ? FAILURES : RUNS, new Tag("kind", ran.kind())).inc();
  }
}
