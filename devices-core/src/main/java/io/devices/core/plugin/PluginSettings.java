package io.devices.core.plugin;

import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/** The settings of one plugin: the config keys under {@code devices.<kind>.<id>.}, prefix cut. */
public final class PluginSettings {
  private PluginSettings() {}

  public static Map<String, String> of(Config config, String kind, String id) {
    String prefix = "devices." + kind + "." + id + ".";
    Map<String, String> settings = new HashMap<>();
    for (String name : config.getPropertyNames()) {
      if (name.startsWith(prefix)) {
        config
            .getOptionalValue(name, String.class)
            .ifPresent(value -> settings.put(name.substring(prefix.length()), value));
      }
    }
    return Map.copyOf(settings);
  }
}
