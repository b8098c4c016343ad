package io.devices.it;

import io.devices.testsupport.mqtt.EmbeddedBroker;
import java.net.URI;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The MQTT broker of the integration-test server ({@code it.mqtt.url}): an {@link EmbeddedBroker}
 * started once per test JVM, when the test run starts and so before the Liberty server, which then
 * finds it at its first connection attempt (registered in META-INF/services); or, with {@code
 * -Dit.mqtt.external=true}, a broker that already runs there (CI points it at the machine's
 * Mosquitto to prove interoperability).
 */
public final class TestBroker implements LauncherSessionListener {
  private static EmbeddedBroker embedded;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (System.getProperty("it.mqtt.url") != null) {
      ensureRunning();
    }
  }

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
