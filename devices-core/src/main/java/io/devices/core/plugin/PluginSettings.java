package io.devices.core.plugin;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * The settings of one plugin: the config keys under {@code devices.<kind>.<id>.}, prefix cut, and
 * environment variables {@code DEVICES_<KIND>_<ID>_<KEY>}, whose key arrives lower-cased with
 * {@code -} for {@code _} ({@code DEVICES_EXPORT_TSV_FIELD_SEPARATOR} gives {@code
 * field-separator}). A dotted key wins over the environment's form of the same key.
 */
public final class PluginSettings {
  private PluginSettings() {}

  public static Map<String, String> of(Config config, String kind, String id) {
    String prefix = "devices." + kind + "." + id + ".";
    String envPrefix =
        ("DEVICES_" + kind + "_" + id + "_").toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    Map<String, String> settings = new HashMap<>();
    Map<String, String> fromEnvironment = new HashMap<>();
    for (String name : config.getPropertyNames()) {
      if (name.startsWith(prefix)) {
        config
            .getOptionalValue(name, String.class)
            .ifPresent(value -> settings.put(name.substring(prefix.length()), value));
      } else if (name.startsWith(envPrefix) && name.length() > envPrefix.length()) {
        String key = name.substring(envPrefix.length()).toLowerCase(Locale.ROOT).replace('_', '-');
        config
            .getOptionalValue(name, String.class)
            .ifPresent(value -> fromEnvironment.put(key, value));
      }
    }
    fromEnvironment.forEach(settings::putIfAbsent);
    return Map.copyOf(settings);
  }
}
