package io.devices.it;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The MQTT broker of the integration-test server ({@code it.mqtt.url}): an {@link EmbeddedBroker}
 * started once per test JVM, or, with {@code -Dit.mqtt.external=true}, a broker that already runs
 * there (CI points it at the machine's Mosquitto to prove interoperability).
 */
final class TestBroker {
  private static EmbeddedBroker embedded;

  private TestBroker() {}

  static String url() {
    String url = System.getProperty("it.mqtt.url");
    if (url == null || url.isBlank()) {
      throw new IllegalStateException("system property it.mqtt.url is not set");
    }
    return url;
  }

  static synchronized void ensureRunning() {
    if (Boolean.getBoolean("it.mqtt.external") || embedded != null) {
      return;
    }
    embedded = new EmbeddedBroker(URI.create(url()).getPort()).start();
  }

  /** Waits until the server's mqtt transport reports itself connected in /health/ready. */
  static void awaitServerConnected(Api api) {
    Awaits.until(
        "the server to connect to the broker at " + url(),
        Duration.ofSeconds(90),
        () -> {
          JsonObject health = api.withToken(null).get("/health/ready").object();
          return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
              .filter(c -> c.getString("name").equals("commandTransports"))
              .map(c -> c.getJsonObject("data").getString("mqtt", ""))
              .filter("connected"::equals)
              .findFirst()
              .map(Optional::of)
              .orElse(Optional.empty());
        });
  }
}
