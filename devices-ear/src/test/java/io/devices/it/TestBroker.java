package io.devices.it;

import java.net.URI;

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
}
