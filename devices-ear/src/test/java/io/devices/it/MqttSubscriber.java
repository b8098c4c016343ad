package io.devices.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A device fleet's view of the broker: subscribes to {@code losant/+/command} with QoS 1 and keeps
 * every message by device id.
 */
final class MqttSubscriber implements AutoCloseable {
  private final MqttClient client;
  private final Map<String, List<JsonObject>> byDevice = new ConcurrentHashMap<>();
  private final AtomicLong total = new AtomicLong();

  MqttSubscriber(String url) {
    try {
      client = new MqttClient(url, "it-subscriber-" + System.nanoTime(), new MemoryPersistence());
      MqttConnectOptions options = new MqttConnectOptions();
      options.setCleanSession(true);
      options.setAutomaticReconnect(true);
      options.setMaxInflight(65535);
      client.connect(options);
      client.subscribe(
          "losant/+/command",
          1,
          (topic, message) -> {
            String device = topic.split("/")[1];
            try (JsonReader reader =
                Json.createReader(
                    new StringReader(new String(message.getPayload(), StandardCharsets.UTF_8)))) {
              byDevice
                  .computeIfAbsent(device, d -> new CopyOnWriteArrayList<>())
                  .add(reader.readObject());
            }
            total.incrementAndGet();
          });
    } catch (MqttException e) {
      throw new IllegalStateException("cannot subscribe at " + url, e);
    }
  }

  /** The messages a device received, in order. */
  List<JsonObject> messages(String deviceId) {
    return byDevice.getOrDefault(deviceId, List.of());
  }

  /** How many distinct devices received something. */
  int devices() {
    return byDevice.size();
  }

  long total() {
    return total.get();
  }

  /** Waits until every one of {@code deviceIds} received at least {@code count} messages. */
  void awaitEach(java.util.Collection<String> deviceIds, int count, Duration timeout) {
    Awaits.until(
        deviceIds.size() + " devices to receive " + count + " message(s) each",
        timeout,
        () ->
            deviceIds.stream().allMatch(d -> messages(d).size() >= count)
                ? Optional.of(true)
                : Optional.empty());
  }

  @Override
  public void close() {
    try {
      if (client.isConnected()) {
        client.disconnect();
      }
      client.close();
    } catch (MqttException e) {
      // closing anyway
    }
  }
}
