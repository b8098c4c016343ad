package io.devices.testsupport.mqtt;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A device fleet's view of a broker: one Paho client subscribed to every device's command topic
 * ({@code losant/+/command}), keeping each message by device id, in order of arrival.
 */
public final class MqttSubscriber implements AutoCloseable {
  /** One message as a device gets it. */
  public record Received(String payload, int qos, boolean retained) {
    /** The payload as the JSON object a command is. */
    public JsonObject json() {
      try (JsonReader reader = Json.createReader(new StringReader(payload))) {
        return reader.readObject();
      }
    }
  }

  private static final Duration POLL = Duration.ofMillis(20);

  /** Connections tried before giving up on a broker that drops the first SUBSCRIBE. */
  private static final int SUBSCRIBE_ATTEMPTS = 5;

  private final MqttClient client;
  private final Map<String, List<Received>> byDevice = new ConcurrentHashMap<>();
  private final AtomicInteger count = new AtomicInteger();

  /** Connects (clean session) and subscribes; returns once the broker granted the subscription. */
  public MqttSubscriber(String url) {
    client = subscribed(url);
  }

  private MqttClient subscribed(String url) {
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    for (int attempt = 1; ; attempt++) {
      MqttClient connection = null;
      try {
        connection =
            new MqttClient(url, "subscriber-" + System.nanoTime(), new MemoryPersistence());
        connection.connect(options);
        // QoS 2 asked: a message still arrives at QoS 1 only if it was published at QoS 1.
        connection.subscribe("losant/+/command", 2, this::arrived);
        return connection;
      } catch (MqttException e) {
        closeQuietly(connection);
        if (e.getReasonCode() != MqttException.REASON_CODE_CONNECTION_LOST
            || attempt == SUBSCRIBE_ATTEMPTS) {
          throw new IllegalStateException("cannot subscribe at " + url, e);
        }
        // Moquette 0.17 marks a connection connected in a listener of its CONNACK write, which
        // may run after it read the SUBSCRIBE sent on that CONNACK: it then logs "SUBSCRIBE
        // received on already closed connection" and drops the connection. Connect again.
      }
    }
  }

  private void arrived(String topic, MqttMessage message) {
    String deviceId = topic.split("/")[1];
    byDevice
        .computeIfAbsent(deviceId, d -> new CopyOnWriteArrayList<>())
        .add(
            new Received(
                new String(message.getPayload(), StandardCharsets.UTF_8),
                message.getQos(),
                message.isRetained()));
    count.incrementAndGet();
  }

  /** What a device received, in order. */
  public List<Received> received(String deviceId) {
    return byDevice.getOrDefault(deviceId, List.of());
  }

  /** The commands a device received, in order, as JSON objects. */
  public List<JsonObject> messages(String deviceId) {
    return received(deviceId).stream().map(Received::json).toList();
  }

  /** How many distinct devices received something. */
  public int devices() {
    return byDevice.size();
  }

  /** How many messages arrived in all. */
  public int count() {
    return count.get();
  }

  /** Waits until {@code expected} messages arrived in all, or the time is up; the count then. */
  public int awaitCount(int expected, Duration within) {
    await(() -> count.get() >= expected, within);
    return count.get();
  }

  /**
   * Waits until every one of {@code deviceIds} received at least {@code count} messages.
   *
   * @throws AssertionError when the time is up first
   */
  public void awaitEach(Collection<String> deviceIds, int count, Duration within) {
    if (!await(() -> deviceIds.stream().allMatch(d -> received(d).size() >= count), within)) {
      long missing = deviceIds.stream().filter(d -> received(d).size() < count).count();
      throw new AssertionError(
          "Timed out after "
              + within.toSeconds()
              + " s waiting for "
              + deviceIds.size()
              + " devices to receive "
              + count
              + " message(s) each ("
              + missing
              + " did not)");
    }
  }

  private static boolean await(BooleanSupplier condition, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return condition.getAsBoolean();
      }
    }
    return true;
  }

  @Override
  public void close() {
    try {
      if (client.isConnected()) {
        client.disconnect(0); // no quiesce: Paho would wait out its whole timeout
      }
    } catch (MqttException e) {
      // closing anyway
    } finally {
      closeQuietly(client);
    }
  }

  private static void closeQuietly(MqttClient connection) {
    if (connection != null) {
      try {
        connection.close(true);
      } catch (MqttException e) {
        // nothing left to release
      }
    }
  }
}
