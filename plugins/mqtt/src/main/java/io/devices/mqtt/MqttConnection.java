package io.devices.mqtt;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The transport's one client connection to the broker. The first connection is tried in the
 * background, again after 1 s, 2 s, 4 s… at most 30 s apart until it succeeds; from then on Paho's
 * automatic reconnect takes over. Nothing is kept on disk: the server's outbox is the durable
 * store.
 */
final class MqttConnection {
  private static final Logger LOG = Logger.getLogger(MqttConnection.class.getName());
  private static final long FIRST_RETRY_MILLIS = 1_000;
  private static final long QUIESCE_MILLIS = 1_000;
  private static final long DISCONNECT_WAIT_MILLIS = 3_000;

  private final MqttSettings settings;
  private final MqttConnectOptions options;
  private final MqttAsyncClient client;
  private final ScheduledExecutorService connector;
  private final AtomicLong nextRetryMillis = new AtomicLong(FIRST_RETRY_MILLIS);
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Creates the client and schedules the first connection attempt.
   *
   * @throws IllegalArgumentException when the url is not an MQTT url Paho supports
   */
  static MqttConnection open(MqttSettings settings) throws MqttException {
    MqttConnection connection = new MqttConnection(settings);
    connection.connector.execute(connection::connect);
    return connection;
  }

  private MqttConnection(MqttSettings settings) throws MqttException {
    this.settings = settings;
    this.options = settings.connectOptions();
    this.client = new MqttAsyncClient(settings.url(), settings.clientId(), new MemoryPersistence());
    client.setCallback(new ConnectionLog());
    this.connector =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "mqtt-connect " + settings.clientId());
              thread.setDaemon(true);
              return thread;
            });
  }

  MqttAsyncClient client() {
    return client;
  }

  boolean isConnected() {
    return !closed.get() && client.isConnected();
  }

  /** Disconnects (forcibly if a clean disconnect fails) and releases the client; once. */
  void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    connector.shutdownNow();
    boolean disconnected = false;
    try {
      if (client.isConnected()) {
        client.disconnect(QUIESCE_MILLIS).waitForCompletion(DISCONNECT_WAIT_MILLIS);
        disconnected = true;
      }
    } catch (MqttException | RuntimeException e) {
      LOG.log(Level.FINE, "MQTT disconnect failed", e);
    }
    if (!disconnected) {
      try {
        // Also ends a connection attempt under way.
        client.disconnectForcibly(0, QUIESCE_MILLIS, false);
      } catch (MqttException | RuntimeException e) {
        LOG.log(Level.FINE, "MQTT forced disconnect failed", e);
      }
    }
    try {
      client.close(true);
    } catch (MqttException | RuntimeException e) {
      LOG.log(Level.FINE, "MQTT client close failed", e);
    }
    LOG.log(Level.INFO, "Disconnected from the MQTT broker {0}", settings.url());
  }

  /** One attempt at the first connection; a failure schedules the next with a growing delay. */
  private void connect() {
    if (closed.get()) {
      return;
    }
    try {
      client.connect(
          options,
          null,
          new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              nextRetryMillis.set(FIRST_RETRY_MILLIS);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable cause) {
              retryConnect(cause);
            }
          });
    } catch (MqttException e) {
      if (e.getReasonCode() != MqttException.REASON_CODE_CLIENT_CONNECTED) {
        retryConnect(e);
      }
    } catch (RuntimeException e) {
      retryConnect(e);
    }
  }

  private void retryConnect(Throwable cause) {
    if (closed.get()) {
      return;
    }
    long delay = nextRetryMillis.getAndUpdate(d -> Math.min(d * 2, MqttSettings.MAX_RETRY_MILLIS));
    LOG.log(
        Level.WARNING,
        "Cannot connect to the MQTT broker {0} as {1} ({2}); trying again in {3} s",
        new Object[] {settings.url(), settings.clientId(), cause, delay / 1000});
    try {
      connector.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closed meanwhile
    }
  }

  /** Logs connects and disconnects; publishes are tracked by their listener. */
  private final class ConnectionLog implements MqttCallbackExtended {
    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      LOG.log(
          Level.INFO,
          reconnect
              ? "Reconnected to the MQTT broker {0} as {1}"
              : "Connected to the MQTT broker {0} as {1}",
          new Object[] {serverUri, settings.clientId()});
    }

    @Override
    public void connectionLost(Throwable cause) {
      LOG.log(
          Level.WARNING,
          "Lost the connection to the MQTT broker {0} ({1}); reconnecting",
          new Object[] {settings.url(), cause});
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      // subscribes to nothing
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
      // see PublishedBatch
    }
  }
}
