package io.devices.testsupport.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

class MqttSubscriberTest {
  private static final int SUBSCRIBERS = 100;

  /**
   * Moquette 0.17 drops one or two connections in a hundred at their first SUBSCRIBE ("SUBSCRIBE
   * received on already closed connection": it marks a connection connected only once its CONNACK
   * write completed). A hundred subscribers in a row all get their subscription, each proved by a
   * command to a device of its own that it receives.
   */
  @Test
  void everySubscriberGetsItsSubscriptionOnAFreshBroker() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.onFreePort().start()) {
      MqttClient publisher =
          new MqttClient(broker.url(), "publisher-" + System.nanoTime(), new MemoryPersistence());
      publisher.connect(new MqttConnectOptions());
      // The publisher's own connection can meet the same broker race: its PUBACK never comes.
      // Waiting is bounded, and a publish that timed out goes again on a fresh connection.
      publisher.setTimeToWait(10_000);
      try {
        for (int i = 0; i < SUBSCRIBERS; i++) {
          String device = String.format("%024d", i);
          String command = "{\"name\":\"n" + i + "\"}";
          try (MqttSubscriber subscriber = new MqttSubscriber(broker.url())) {
            publish(publisher, "losant/" + device + "/command", command);
            assertEquals(1, subscriber.awaitCount(1, Duration.ofSeconds(10)), "subscriber " + i);
            assertEquals(command, subscriber.received(device).get(0).payload());
            assertEquals("n" + i, subscriber.messages(device).get(0).getString("name"));
          }
        }
      } finally {
        publisher.disconnect();
        publisher.close();
      }
    }
  }

  private static void publish(MqttClient publisher, String topic, String text) throws Exception {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    try {
      publisher.publish(topic, payload, 1, false);
    } catch (org.eclipse.paho.client.mqttv3.MqttException timedOut) {
      if (publisher.isConnected()) {
        publisher.disconnectForcibly(1_000, 1_000);
      }
      publisher.connect(new MqttConnectOptions());
      publisher.publish(topic, payload, 1, false);
    }
  }
}
