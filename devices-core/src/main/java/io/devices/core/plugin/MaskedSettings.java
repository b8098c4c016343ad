package io.devices.core.plugin;

import io.devices.core.common.Secrets;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A plugin's settings, unmodifiable, whose {@code toString} masks every value of a secret-looking
 * key ({@code password}, {@code truststore-password}, {@code api-key}...): a plugin that logs its
 * settings, or an exception message that includes them, shows no secret.
 */
final class MaskedSettings extends AbstractMap<String, String> {
  private final Map<String, String> settings;

  MaskedSettings(Map<String, String> settings) {
    this.settings = Map.copyOf(settings);
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return settings.entrySet();
  }

  @Override
  public String get(Object key) {
    return settings.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return settings.containsKey(key);
  }

  @Override
  public String toString() {
    Map<String, String> shown = new TreeMap<>();
    settings.forEach((key, value) -> shown.put(key, Secrets.isSecretName(key) ? "****" : value));
    return shown.toString();
  }
}
