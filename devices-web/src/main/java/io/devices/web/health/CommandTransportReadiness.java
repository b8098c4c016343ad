package io.devices.web.health;

import io.devices.core.command.CommandTransports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows whether each command transport is connected (for MQTT: to its broker). It stays UP while a
 * broker is away: the server still accepts commands into its outbox and delivers them when the
 * broker is back, so taking it out of a load balancer would refuse work it can do.
 */
@Readiness
@ApplicationScoped
public class CommandTransportReadiness implements HealthCheck {
  @Inject CommandTransports transports;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("commandTransports").up();
    transports
        .connections()
        .forEach(
            (id, connected) -> response.withData(id, connected ? "connected" : "disconnected"));
    return response.build();
  }
}
