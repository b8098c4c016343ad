package io.devices.core.command.mqtt;

import io.devices.core.common.ObjectIds;
import io.devices.spi.command.CommandMessage;
import io.devices.spi.command.CommandTransport;
import io.devices.spi.command.DeliveryOutcome;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Delivers commands over MQTT: each message's JSON goes to {@code losant/<deviceId>/command} at QoS
 * 1, not retained, and counts as delivered on the broker's PUBACK.
 *
 * <p>Settings (all optional): {@code url} ({@code tcp://127.0.0.1:1883}; {@code ssl://} too),
 * {@code user}, {@code password}, {@code client-id} ({@code devices-} and a random suffix), {@code
 * truststore}, {@code truststore-password}, {@code truststore-type} (for {@code ssl://}; the JVM's
 * default trust without them), {@code max-inflight} (10000), {@code publish-timeout} (ISO-8601,
 * {@code PT30S}), {@code connect-timeout} (seconds, 10) and {@code keep-alive} (seconds, 30).
 *
 * <p>The client keeps nothing on disk (the server's outbox is the durable store) and uses a clean
 * session. {@link #start} only schedules the first connection: it is tried in the background, again
 * after 1 s, 2 s, 4 s… at most 30 s apart until it succeeds; from then on Paho's automatic
 * reconnect takes over. While disconnected every item is {@link DeliveryOutcome#retryLater retried
 * later} without being tried.
 *
 * <p>{@link #deliver} publishes the whole batch asynchronously, then waits for the PUBACKs within
 * {@code publish-timeout} overall. When the client's in-flight window is full it waits for earlier
 * messages to be acknowledged (its own, else anyone's) and publishes again.
 */
public final class MqttTransport implements CommandTransport {
  private static final Logger LOG = Logger.getLogger(MqttTransport.class.getName());

  static final String DEFAULT_URL = "tcp://127.0.0.1:1883";
  private static final int DEFAULT_MAX_INFLIGHT = 10_000;
  private static final Duration DEFAULT_PUBLISH_TIMEOUT = Duration.ofSeconds(30);
  private static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;
  private static final int DEFAULT_KEEP_ALIVE_SECONDS = 30;
  private static final long FIRST_RETRY_MILLIS = 1_000;
  private static final long MAX_RETRY_MILLIS = 30_000;
  private static final long QUIESCE_MILLIS = 1_000;
  private static final long DISCONNECT_WAIT_MILLIS = 3_000;

  /** How long a publisher waits at most before trying again when other batches fill the window. */
  private static final long WINDOW_POLL_MILLIS = 50;

  private static final int QOS = 1;

  private final AtomicLong nextRetryMillis = new AtomicLong(FIRST_RETRY_MILLIS);
  private final Object window = new Object();
  private final AtomicInteger windowWaiters = new AtomicInteger();

  private String url;
  private String clientId;
  private Duration publishTimeout;
  private long publishTimeoutNanos;
  private DeliveryOutcome notConnected =
      DeliveryOutcome.retryLater("not connected to the MQTT broker (not started)");
  private MqttConnectOptions options;
  private ScheduledExecutorService connector;

  /** Written last in {@link #start}: reading it first makes the settings above visible. */
  private volatile MqttAsyncClient client;

  private final AtomicBoolean stopped = new AtomicBoolean();

  @Override
  public String id() {
    return "mqtt";
  }

  @Override
  public void start(Map<String, String> config) throws MqttException {
    url = setting(config, "url", DEFAULT_URL);
    clientId = setting(config, "client-id", "devices-" + randomSuffix());
    publishTimeout = duration(config, "publish-timeout", DEFAULT_PUBLISH_TIMEOUT);
    publishTimeoutNanos = publishTimeout.toNanos();
    notConnected = DeliveryOutcome.retryLater("not connected to the MQTT broker " + url);

    MqttConnectOptions opts = new MqttConnectOptions();
    opts.setCleanSession(true);
    opts.setAutomaticReconnect(true);
    opts.setMaxReconnectDelay((int) MAX_RETRY_MILLIS);
    opts.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    opts.setMaxInflight(integer(config, "max-inflight", DEFAULT_MAX_INFLIGHT, 1, 65_535));
    opts.setConnectionTimeout(
        integer(config, "connect-timeout", DEFAULT_CONNECT_TIMEOUT_SECONDS, 1, 3_600));
    opts.setKeepAliveInterval(integer(config, "keep-alive", DEFAULT_KEEP_ALIVE_SECONDS, 0, 65_535));
    String user = setting(config, "user", null);
    if (user != null) {
      opts.setUserName(user);
    }
    String password = config.get("password"); // as given: spaces may belong to it
    if (password != null && !password.isEmpty()) {
      opts.setPassword(password.toCharArray());
    }
    Properties ssl = new Properties();
    putIfSet(ssl, "com.ibm.ssl.trustStore", setting(config, "truststore", null));
    putIfSet(ssl, "com.ibm.ssl.trustStorePassword", setting(config, "truststore-password", null));
    putIfSet(ssl, "com.ibm.ssl.trustStoreType", setting(config, "truststore-type", null));
    if (!ssl.isEmpty()) {
      opts.setSSLProperties(ssl);
    }
    options = opts;

    MqttAsyncClient c = new MqttAsyncClient(url, clientId, new MemoryPersistence());
    c.setCallback(new ConnectionLog());
    connector =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "mqtt-connect " + clientId);
              thread.setDaemon(true);
              return thread;
            });
    client = c;
    connector.execute(this::connect);
  }

  @Override
  public boolean isConnected() {
    MqttAsyncClient c = client;
    return c != null && c.isConnected();
  }

  @Override
  public List<DeliveryOutcome> deliver(List<CommandMessage> batch) {
    MqttAsyncClient c = client;
    int size = batch.size();
    DeliveryOutcome[] outcomes = new DeliveryOutcome[size];
    if (c == null || stopped.get() || !c.isConnected()) {
      Arrays.fill(outcomes, notConnected);
      return List.of(outcomes);
    }
    long deadline = System.nanoTime() + publishTimeoutNanos;
    Acks acks = new Acks(size);
    boolean connected = true;
    for (int i = 0; i < size; i++) {
      CommandMessage message = batch.get(i);
      if (!ObjectIds.isWellFormed(message.deviceId())) {
        outcomes[i] = DeliveryOutcome.failed("the device id is not 24 hex characters");
      } else if (message.json() == null) {
        outcomes[i] = DeliveryOutcome.failed("the command has no message");
      } else if (!connected) {
        outcomes[i] = notConnected;
      } else {
        outcomes[i] = publish(c, message, i, acks, deadline);
        if (outcomes[i] != null && !c.isConnected()) {
          connected = false;
        }
      }
    }
    acks.awaitAll(deadline);
    acks.settle(
        outcomes,
        DeliveryOutcome.retryLater(
            "no PUBACK from the MQTT broker " + url + " within " + publishTimeout));
    return List.of(outcomes);
  }

  /** Publishes one message; null once it is on its way, else its outcome. */
  private DeliveryOutcome publish(
      MqttAsyncClient c, CommandMessage message, int index, Acks acks, long deadline) {
    String topic = "losant/" + message.deviceId() + "/command";
    byte[] payload = message.json().getBytes(StandardCharsets.UTF_8);
    Integer context = index;
    while (true) {
      try {
        c.publish(topic, payload, QOS, false, context, acks);
        acks.published();
        return null;
      } catch (MqttException e) {
        if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT) {
          return c.isConnected()
              ? DeliveryOutcome.retryLater("MQTT publish refused: " + e)
              : notConnected;
        }
        if (!awaitWindow(acks, deadline)) {
          return DeliveryOutcome.retryLater(
              "the MQTT client's in-flight window stayed full for " + publishTimeout);
        }
      } catch (RuntimeException e) {
        return DeliveryOutcome.retryLater("MQTT publish failed: " + e);
      }
    }
  }

  /**
   * Waits until the in-flight window may have room: one of this batch's messages acknowledged, or,
   * when this batch has none on its way, any message (polling, as a signal may be missed).
   *
   * @return false when the deadline passed (or the thread was interrupted)
   */
  private boolean awaitWindow(Acks acks, long deadline) {
    if (acks.hasOutstanding()) {
      return acks.awaitProgress(deadline);
    }
    long millis = Math.min(millisLeft(deadline), WINDOW_POLL_MILLIS);
    if (millis <= 0) {
      return false;
    }
    windowWaiters.incrementAndGet();
    try {
      synchronized (window) {
        window.wait(millis);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      windowWaiters.decrementAndGet();
    }
  }

  /** A message left the in-flight window: wake publishers waiting for room, if any. */
  private void windowReleased() {
    if (windowWaiters.get() > 0) {
      synchronized (window) {
        window.notifyAll();
      }
    }
  }

  @Override
  public void stop() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    if (connector != null) {
      connector.shutdownNow();
    }
    MqttAsyncClient c = client;
    if (c == null) {
      return;
    }
    boolean disconnected = false;
    try {
      if (c.isConnected()) {
        c.disconnect(QUIESCE_MILLIS).waitForCompletion(DISCONNECT_WAIT_MILLIS);
        disconnected = true;
      }
    } catch (MqttException | RuntimeException e) {
      LOG.log(Level.FINE, "MQTT disconnect failed", e);
    }
    if (!disconnected) {
      try {
        // Also ends a connection attempt under way.
        c.disconnectForcibly(0, QUIESCE_MILLIS, false);
      } catch (MqttException | RuntimeException e) {
        LOG.log(Level.FINE, "MQTT forced disconnect failed", e);
      }
    }
    try {
      c.close(true);
    } catch (MqttException | RuntimeException e) {
      LOG.log(Level.FINE, "MQTT client close failed", e);
    }
    LOG.log(Level.INFO, "Disconnected from the MQTT broker {0}", url);
  }

  /** One attempt at the first connection; a failure schedules the next with a growing delay. */
  private void connect() {
    if (stopped.get()) {
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
    if (stopped.get()) {
      return;
    }
    long delay = nextRetryMillis.getAndUpdate(d -> Math.min(d * 2, MAX_RETRY_MILLIS));
    LOG.log(
        Level.WARNING,
        "Cannot connect to the MQTT broker {0} as {1} ({2}); trying again in {3} s",
        new Object[] {url, clientId, cause, delay / 1000});
    try {
      connector.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // stopped meanwhile
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
          new Object[] {serverUri, clientId});
    }

    @Override
    public void connectionLost(Throwable cause) {
      LOG.log(
          Level.WARNING,
          "Lost the connection to the MQTT broker {0} ({1}); reconnecting",
          new Object[] {url, cause});
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      // subscribes to nothing
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
      // see Acks
    }
  }

  /**
   * The PUBACKs of one batch, by index (each publish carries its index as user context). Paho calls
   * back on its own thread, also with a failure when the connection is lost.
   */
  private final class Acks implements IMqttActionListener {
    private final boolean[] done;
    private final Throwable[] failures;
    private int outstanding;
    private int completed;

    /** Wake the waiter when {@link #outstanding} falls to this; -1 when nobody waits. */
    private int wakeAt = -1;

    Acks(int size) {
      done = new boolean[size];
      failures = new Throwable[size];
    }

    /** Counts a publish Paho took (its ack may even have come already). */
    synchronized void published() {
      outstanding++;
    }

    synchronized boolean hasOutstanding() {
      return outstanding > 0;
    }

    @Override
    public void onSuccess(IMqttToken token) {
      complete(token, null);
    }

    @Override
    public void onFailure(IMqttToken token, Throwable cause) {
      complete(
          token,
          cause != null ? cause : new MqttException(MqttException.REASON_CODE_UNEXPECTED_ERROR));
    }

    private void complete(IMqttToken token, Throwable failure) {
      if (token.getUserContext() instanceof Integer index) {
        synchronized (this) {
          if (done[index]) {
            return;
          }
          done[index] = true;
          failures[index] = failure;
          outstanding--;
          completed++;
          if (outstanding <= wakeAt) {
            notifyAll();
          }
        }
      }
      windowReleased();
    }

    /** Waits for any of this batch's messages to complete; false past the deadline. */
    synchronized boolean awaitProgress(long deadline) {
      int seen = completed;
      wakeAt = Integer.MAX_VALUE;
      try {
        while (completed == seen && outstanding > 0) {
          long millis = millisLeft(deadline);
          if (millis <= 0) {
            return false;
          }
          wait(millis);
        }
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } finally {
        wakeAt = -1;
      }
    }

    /** Waits for every published message to complete, until the deadline. */
    synchronized void awaitAll(long deadline) {
      wakeAt = 0;
      try {
        while (outstanding > 0) {
          long millis = millisLeft(deadline);
          if (millis <= 0) {
            return;
          }
          wait(millis);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        wakeAt = -1;
      }
    }

    /** Fills in the outcome of every published message. */
    synchronized void settle(DeliveryOutcome[] outcomes, DeliveryOutcome timedOut) {
      for (int i = 0; i < outcomes.length; i++) {
        if (outcomes[i] == null) {
          if (!done[i]) {
            outcomes[i] = timedOut;
          } else if (failures[i] == null) {
            outcomes[i] = DeliveryOutcome.delivered();
          } else {
            outcomes[i] = DeliveryOutcome.retryLater("MQTT publish failed: " + failures[i]);
          }
        }
      }
    }
  }

  private static long millisLeft(long deadline) {
    long nanos = deadline - System.nanoTime();
    return nanos <= 0 ? 0 : (nanos + 999_999) / 1_000_000;
  }

  private static String randomSuffix() {
    byte[] bytes = new byte[6];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static void putIfSet(Properties properties, String key, String value) {
    if (value != null) {
      properties.setProperty(key, value);
    }
  }

  private static String setting(Map<String, String> config, String key, String fallback) {
    String value = config.get(key);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  private static int integer(
      Map<String, String> config, String key, int fallback, int min, int max) {
    String value = setting(config, key, null);
    if (value == null) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value);
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "mqtt setting "
            + key
            + " must be a whole number from "
            + min
            + " to "
            + max
            + ", not "
            + value);
  }

  private static Duration duration(Map<String, String> config, String key, Duration fallback) {
    String value = setting(config, key, null);
    if (value == null) {
      return fallback;
    }
    try {
      Duration duration = Duration.parse(value);
      if (!duration.isNegative() && !duration.isZero()) {
        return duration;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "mqtt setting "
            + key
            + " must be a positive ISO-8601 duration such as PT30S, not "
            + value);
  }
}
