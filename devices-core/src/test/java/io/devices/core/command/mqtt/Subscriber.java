package io.devices.core.command.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A device's-eye view: a Paho client subscribed to every device's command topic. */
final class Subscriber implements AutoCloseable {
  /** One message as a device gets it. */
  record Received(String payload, int qos, boolean retained) {}

  private final MqttClient client;
  private final Map<String, List<Received>> byTopic = new ConcurrentHashMap<>();
  private final AtomicInteger count = new AtomicInteger();

  Subscriber(String url) throws MqttException {
    client = new MqttClient(url, "subscriber-" + System.nanoTime(), new MemoryPersistence());
    client.setCallback(
        new MqttCallback() {
          @Override
          public void connectionLost(Throwable cause) {}

          @Override
          public void messageArrived(String topic, MqttMessage message) {
            byTopic
                .computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>())
                .add(
                    new Received(
                        new String(message.getPayload(), StandardCharsets.UTF_8),
                        message.getQos(),
                        message.isRetained()));
            count.incrementAndGet();
          }

          @Override
          public void deliveryComplete(IMqttDeliveryToken token) {}
        });
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    client.connect(options);
    // QoS 2 asked: a message still arrives at QoS 1 only if it was published at QoS 1.
    client.subscribe("losant/+/command", 2);
  }

  /** Waits until {@code expected} messages arrived in all, or the time is up; the count then. */
  int awaitCount(int expected, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (count.get() < expected && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return count.get();
  }

  int count() {
    return count.get();
  }

  List<Received> on(String topic) {
    return byTopic.getOrDefault(topic, List.of());
  }

  Map<String, List<Received>> byTopic() {
    return byTopic;
  }

  @Override
  public void close() throws MqttException {
    try {
      if (client.isConnected()) {
        client.disconnect(500);
      }
    } finally {
      client.close(true);
    }
  }
}
