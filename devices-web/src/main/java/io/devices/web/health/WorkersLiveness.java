package io.devices.web.health;

import io.devices.core.work.WorkEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the work engine's poll of every kind of background work still runs (one entry per
 * kind: {@code polling} or {@code stopped}). A poll that ended leaves retries and a crashed
 * server's work waiting forever; only a restart brings it back. Depends on nothing outside the JVM:
 * a database or broker outage must not get the server restarted.
 */
@Liveness
@ApplicationScoped
public class WorkersLiveness implements HealthCheck {
  @Inject WorkEngine engine;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("workers");
    boolean all = true;
    for (String kind : engine.kinds()) {
      boolean polling = engine.isPolling(kind);
      all &= polling;
      response.withData(kind, polling ? "polling" : "stopped");
    }
    return response.status(all).build();
  }
}
