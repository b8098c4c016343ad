package io.devices.it;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment of a {@link LibertyServer} a test runs of its own, built in one place: the owner
 * token of the integration tests, then the settings the test needs. The ports and the database are
 * added by {@link LibertyServer} itself.
 */
final class ServerEnvironment {
  private final Map<String, String> variables = new LinkedHashMap<>();

  private ServerEnvironment() {}

  /** The bootstrap owner ({@code it.owner.token}, {@code owner@it.example}) and nothing else. */
  static ServerEnvironment owner() {
    return new ServerEnvironment()
        .set("DEVICES_BOOTSTRAP_TOKEN", required("it.owner.token"))
        .set("DEVICES_BOOTSTRAP_EMAIL", "owner@it.example");
  }

  /** Commands go to this broker, with an in-flight window Moquette acknowledges reliably. */
  ServerEnvironment mqttBroker(String url) {
    return set("DEVICES_MQTT_URL", url).set("DEVICES_MQTT_MAX_INFLIGHT", "500");
  }

  /** Command workers that claim for {@code lease} and look for work twice a second. */
  ServerEnvironment commandWorkers(Duration lease) {
    return set("DEVICES_COMMAND_LEASE", lease.toString())
        .set("DEVICES_COMMAND_POLL_INTERVAL", "PT0.5S");
  }

  /** Export workers that claim for {@code lease} and look for work twice a second. */
  ServerEnvironment exportWorkers(Duration lease) {
    return set("DEVICES_EXPORT_LEASE", lease.toString())
        .set("DEVICES_EXPORT_POLL_INTERVAL", "PT0.5S");
  }

  ServerEnvironment set(String variable, String value) {
    variables.put(variable, value);
    return this;
  }

  ServerEnvironment setAll(Map<String, String> more) {
    variables.putAll(more);
    return this;
  }

  Map<String, String> toMap() {
    return Map.copyOf(variables);
  }

  static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + property + " is not set");
    }
    return value;
  }
}
