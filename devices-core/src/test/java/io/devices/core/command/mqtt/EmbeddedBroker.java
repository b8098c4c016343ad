package io.devices.core.command.mqtt;

import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptPublishMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Moquette broker in this process, in memory, on one loopback port, restartable; it records every
 * publish it accepted, as the publisher sent it.
 */
final class EmbeddedBroker implements AutoCloseable {
  /** A publish as the broker took it. */
  record Publish(String topic, int qos, boolean retain) {}

  final int port;
  private final List<Publish> published = new CopyOnWriteArrayList<>();
  private Server server;

  EmbeddedBroker(int port) {
    this.port = port;
  }

  /** A port nothing listens on right now. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  String url() {
    return "tcp://127.0.0.1:" + port;
  }

  EmbeddedBroker start() throws IOException {
    Properties properties = new Properties();
    properties.setProperty(IConfig.HOST_PROPERTY_NAME, "127.0.0.1");
    properties.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(port));
    properties.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
    properties.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
    properties.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
    // Room for the transport's whole in-flight window (the default queue holds 1024 commands).
    properties.setProperty(IConfig.SESSION_QUEUE_SIZE, "100000");
    Server started = new Server();
    started.startServer(new MemoryConfig(properties), List.of(new Recorder()));
    server = started;
    return this;
  }

  /** The publishes accepted so far (recorded shortly after the broker's PUBACK). */
  List<Publish> published() {
    return published;
  }

  private final class Recorder extends AbstractInterceptHandler {
    @Override
    public String getID() {
      return "recorder";
    }

    @Override
    public void onPublish(InterceptPublishMessage message) {
      published.add(
          new Publish(message.getTopicName(), message.getQos().value(), message.isRetainFlag()));
      super.onPublish(message); // releases the payload
    }

    @Override
    public void onSessionLoopError(Throwable error) {}
  }

  void stop() {
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
