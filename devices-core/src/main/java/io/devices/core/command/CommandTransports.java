package io.devices.core.command;

import io.devices.core.plugin.LoadedPlugins;
import io.devices.core.plugin.PluginLoader;
import io.devices.core.plugin.PluginSettings;
import io.devices.spi.command.CommandTransport;
import jakarta.annotation.PreDestroy;
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
  private volatile LoadedPlugins<CommandTransport> loaded;

  void load(@Observes Startup startup) {
    loaded();
  }

  private LoadedPlugins<CommandTransport> loaded() {
    LoadedPlugins<CommandTransport> current = loaded;
    if (current == null) {
      synchronized (this) {
        if (loaded == null) {
          ClassLoader loader = Thread.currentThread().getContextClassLoader();
          loaded =
              PluginLoader.load(
                  CommandTransport.class,
                  loader != null ? loader : CommandTransport.class.getClassLoader(),
                  id -> PluginSettings.under(config, "devices." + id));
        }
        current = loaded;
      }
    }
    return current;
  }

  public Optional<CommandTransport> find(String id) {
    return Optional.ofNullable(loaded().byId().get(id));
  }

  /** Each installed transport's id and whether it can deliver now. */
  public Map<String, Boolean> connections() {
    Map<String, Boolean> states = new TreeMap<>();
    loaded().byId().forEach((id, transport) -> states.put(id, transport.isConnected()));
    return states;
  }

  public List<String> failures() {
    return loaded().failures();
  }

  @PreDestroy
  void stop() {
    if (loaded != null) {
      PluginLoader.stopAll(loaded.byId().values());
    }
  }
}
