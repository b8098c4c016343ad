package io.devices.testsupport.mqtt;

import io.devices.testsupport.net.FreePort;
import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptPublishMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An MQTT broker in the test JVM (Moquette, in memory, anonymous, on one loopback port), for
 * machines without one. It can be stopped and started again on the same port to play an outage, and
 * it records every publish it accepted, as the publisher sent it.
 */
public final class EmbeddedBroker implements AutoCloseable {
  /** A publish as the broker took it. */
  public record Publish(String topic, int qos, boolean retain) {}

  private final int port;
  private final List<Publish> published = new CopyOnWriteArrayList<>();
  private Server server;

  public EmbeddedBroker(int port) {
    this.port = port;
  }

  /** A broker on a port nothing listens on right now (not started yet). */
  public static EmbeddedBroker onFreePort() {
    return new EmbeddedBroker(FreePort.find());
  }

  public int port() {
    return port;
  }

  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  /** Starts the broker; does nothing when it runs already. */
  public synchronized EmbeddedBroker start() {
    if (server != null) {
      return this;
    }
    Properties config = new Properties();
    config.setProperty(IConfig.HOST_PROPERTY_NAME, "127.0.0.1");
    config.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(port));
    config.setProperty(IConfig.WEB_SOCKET_PORT_PROPERTY_NAME, BrokerConstants.DISABLED_PORT_BIND);
    config.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
    config.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
    config.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false"); // reports usage unless told not to
    config.setProperty("netty.so_reuseaddr", "true"); // restart on the same port at once
    // Room for a publisher's whole in-flight window (the default queue holds 1,024 messages).
    config.setProperty(IConfig.SESSION_QUEUE_SIZE, "100000");
    // Messages up to 4 MiB, as real brokers take (Moquette's default is 8 KB).
    config.setProperty(BrokerConstants.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(4 << 20));
    Server broker = new Server();
    try {
      broker.startServer(new MemoryConfig(config), List.of(new Recorder()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start an MQTT broker on port " + port, e);
    }
    server = broker;
    return this;
  }

  /** The publishes accepted so far (recorded shortly after the broker's PUBACK). */
  public List<Publish> published() {
    return published;
  }

  public synchronized void stop() {
    if (server != null) {
      server.stopServer();
      server = null;
    }
  }

  @Override
  public void close() {
    stop();
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
}
