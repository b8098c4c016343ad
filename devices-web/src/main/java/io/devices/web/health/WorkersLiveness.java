package io.devices.web.health;

import io.devices.core.command.CommandDispatcher;
import io.devices.core.export.ExportWorkers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the background polls of command delivery and exports still run. A poll that ended (an
 * unexpected exception stops a scheduled task for good) leaves retries and a crashed server's work
 * waiting forever; only a restart brings it back. Depends on nothing outside the JVM: a database or
 * broker outage must not get the server restarted.
 */
@Liveness
@ApplicationScoped
public class WorkersLiveness implements HealthCheck {
  @Inject CommandDispatcher commands;
  @Inject ExportWorkers exports;

  @Override
  public HealthCheckResponse call() {
    boolean commandPolling = commands.isPolling();
    boolean exportPolling = exports.isPolling();
    return HealthCheckResponse.named("workers")
        .status(commandPolling && exportPolling)
        .withData("commandDelivery", commandPolling ? "polling" : "stopped")
        .withData("exports", exportPolling ? "polling" : "stopped")
        .build();
  }
}
