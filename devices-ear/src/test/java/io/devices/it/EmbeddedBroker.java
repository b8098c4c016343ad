package io.devices.it;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * An MQTT broker in the test JVM (Moquette, in memory), for machines without one. It can be stopped
 * and started again on the same port to play an outage.
 */
final class EmbeddedBroker implements AutoCloseable {
  private final int port;
  private Server server;

  EmbeddedBroker(int port) {
    this.port = port;
  }

  String url() {
    return "tcp://127.0.0.1:" + port;
  }

  synchronized EmbeddedBroker start() {
    if (server != null) {
      return this;
    }
    Properties config = new Properties();
    config.setProperty("host", "127.0.0.1");
    config.setProperty("port", Integer.toString(port));
    config.setProperty("websocket_port", "disabled");
    config.setProperty("persistence_enabled", "false");
    config.setProperty("allow_anonymous", "true");
    config.setProperty("netty.so_reuseaddr", "true");
    config.setProperty("session_queue_size", "65536");
    config.setProperty("telemetry_enabled", "false"); // Moquette reports usage unless told not to
    Server broker = new Server();
    try {
      broker.startServer(new MemoryConfig(config));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start an MQTT broker on port " + port, e);
    }
    server = broker;
    return this;
  }

  synchronized void stop() {
    if (server != null) {
      server.stopServer();
      server = null;
    }
  }

  @Override
  public void close() {
    stop();
  }
}
