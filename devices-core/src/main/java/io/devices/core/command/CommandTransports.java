package io.devices.core.command;

import io.devices.core.plugin.InstalledPlugins;
import io.devices.core.plugin.PluginRegistry;
import io.devices.core.plugin.PluginSettings;
import io.devices.spi.command.CommandTransport;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;

/**
 * The installed command transports, built-in ({@code mqtt}) and vendor ones alike, found once at
 * start-up. A transport's settings are the keys {@code devices.<id>.*} ({@code devices.mqtt.url},
 * environment {@code DEVICES_MQTT_URL}).
 */
@ApplicationScoped
public class CommandTransports {
  @Inject Config config;
  @Inject InstalledPlugins installed;
  private PluginRegistry<CommandTransport> registry;

  @PostConstruct
  void init() {
    registry =
        installed.registry(
            CommandTransport.class, id -> PluginSettings.under(config, "devices." + id));
  }

  void load(@Observes Startup startup) {
    registry.loaded();
  }

  public Optional<CommandTransport> find(String id) {
    return registry.find(id);
  }

  /** Each installed transport's id and whether it can deliver now. */
  public Map<String, Boolean> connections() {
    Map<String, Boolean> states = new TreeMap<>();
    registry.loaded().byId().forEach((id, transport) -> states.put(id, transport.isConnected()));
    return states;
  }

  public List<String> failures() {
    return registry.loaded().failures();
  }
}
