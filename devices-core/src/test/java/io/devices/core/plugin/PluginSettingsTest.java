package io.devices.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

class PluginSettingsTest {
  /** Just enough of a Config over a map. */
  private record MapConfig(Map<String, String> values) implements Config {
    @Override
    public <T> T getValue(String name, Class<T> type) {
      return type.cast(values.get(name));
    }

    @Override
    public ConfigValue getConfigValue(String name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
      return Optional.ofNullable(values.get(name)).map(type::cast);
    }

    @Override
    public Iterable<String> getPropertyNames() {
      return Set.copyOf(values.keySet());
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
      return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> type) {
      return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void dottedKeysAndEnvironmentVariablesReachThePlugin() {
    Config config =
        new MapConfig(
            Map.of(
                "devices.export.tsv.separator", "tab",
                "DEVICES_EXPORT_TSV_SEPARATOR", "comma",
                "DEVICES_EXPORT_TSV_MAX_ROWS", "10",
                "devices.export.csv.other", "not mine",
                "DEVICES_EXPORT_TSVX_A", "not mine either"));
    assertEquals(
        Map.of("separator", "tab", "max-rows", "10"),
        PluginSettings.under(config, "devices.export.tsv"));
  }

  @Test
  void printedSettingsMaskSecretValues() {
    Config config =
        new MapConfig(
            Map.of(
                "devices.mqtt.password", "mqtt-secret-of-this-test",
                "DEVICES_MQTT_TRUSTSTORE_PASSWORD", "truststore-secret-of-this-test",
                "devices.mqtt.url", "tcp://broker:1883"));
    Map<String, String> settings = PluginSettings.under(config, "devices.mqtt");
    assertEquals("mqtt-secret-of-this-test", settings.get("password"));
    assertEquals("truststore-secret-of-this-test", settings.get("truststore-password"));
    String shown = settings.toString();
    assertFalse(shown.contains("secret-of-this-test"), shown);
    assertEquals("{password=****, truststore-password=****, url=tcp://broker:1883}", shown);
  }
}
