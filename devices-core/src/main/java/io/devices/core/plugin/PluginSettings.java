package io.devices.core.plugin;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * The settings of one plugin: the config keys under a prefix such as {@code devices.export.tsv.},
 * prefix cut, and environment variables under its upper-case form ({@code DEVICES_EXPORT_TSV_}),
 * whose key arrives lower-cased with {@code -} for {@code _} ({@code
 * DEVICES_EXPORT_TSV_FIELD_SEPARATOR} gives {@code field-separator}). A dotted key wins over the
 * environment's form of the same key. The map's {@code toString} masks secret values.
 */
public final class PluginSettings {
  private PluginSettings() {}

  /**
   * @param dottedPrefix the prefix without its final dot, e.g. {@code devices.export.tsv}
   */
  public static Map<String, String> under(Config config, String dottedPrefix) {
    String prefix = dottedPrefix + ".";
    String envPrefix = dottedPrefix.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_";
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
    return new MaskedSettings(settings);
  }
}
