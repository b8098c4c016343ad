package io.devices.core.metrics;

import io.devices.core.command.CommandTransports;
import io.devices.core.export.ExportFormats;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Plugins left out at start-up (could not be loaded, malformed or taken id, threw from {@code
 * start}), by kind: {@code devices_plugins_load_failures{kind="exportFormat|commandTransport"}}.
 * Above zero after a deployment means a vendor jar in the plugins directory is not working; the log
 * says why.
 */
@ApplicationScoped
public class PluginMetrics {
  @Inject MetricRegistry registry;
  @Inject ExportFormats formats;
  @Inject CommandTransports transports;

  /** After the registries loaded their plugins (they observe Startup with the default priority). */
  void register(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) Startup startup) {
    String name = "devices.plugins.load.failures";
    registry.gauge(name, () -> formats.failures().size(), new Tag("kind", "exportFormat"));
    registry.gauge(name, () -> transports.failures().size(), new Tag("kind", "commandTransport"));
  }
}
