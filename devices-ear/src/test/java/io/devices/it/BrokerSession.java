package io.devices.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the integration-test broker when the test run starts, before the Liberty server, so the
 * server finds it at its first connection attempt (registered in META-INF/services).
 */
public class BrokerSession implements LauncherSessionListener {
  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (System.getProperty("it.mqtt.url") != null) {
      TestBroker.ensureRunning();
    }
  }
}
