package io.devices.mqtt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.plugin.kit.CommandTransportContract;
import io.devices.spi.command.CommandMessage;
import io.devices.spi.command.CommandTransport;
import io.devices.testsupport.mqtt.EmbeddedBroker;
import io.devices.testsupport.mqtt.MqttSubscriber;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The kit's contract against the embedded broker, as devices see it through a subscriber. */
class MqttTransportContractTest extends CommandTransportContract {
  private static final Duration WAIT = Duration.ofSeconds(30);

  // One broker for the class (a stop takes Moquette seconds); each test's devices are new ones.
  private static final EmbeddedBroker broker = EmbeddedBroker.onFreePort();
  private static MqttSubscriber subscriber;

  @BeforeAll
  static void startBroker() {
    broker.start();
    subscriber = new MqttSubscriber(broker.url());
  }

  @AfterAll
  static void stopBroker() {
    if (subscriber != null) {
      subscriber.close();
    }
    broker.close();
  }

  @Override
  protected Class<? extends CommandTransport> pluginClass() {
    return MqttTransport.class;
  }

  @Override
  protected Map<String, String> settings() {
    // A window below Moquette's PUBACK backlog limit (see MqttTransportTest.transport).
    return Map.of("url", broker.url(), "publish-timeout", "PT20S", "max-inflight", "500");
  }

  @Override
  protected Optional<Map<String, String>> invalidSettings() {
    return Optional.of(Map.of("url", broker.url(), "max-inflight", "lots"));
  }

  /** Not a topic level of its own: a wildcard. */
  @Override
  protected String refusedDeviceId() {
    return "+";
  }

  @Override
  protected void takeTargetDown() {
    subscriber.close();
    subscriber = null;
    broker.stop();
  }

  @Override
  protected void bringTargetUp() {
    broker.start();
    subscriber = new MqttSubscriber(broker.url());
  }

  @Override
  protected void awaitReceived(List<CommandMessage> messages) {
    subscriber.awaitEach(messages.stream().map(CommandMessage::deviceId).toList(), 1, WAIT);
    for (CommandMessage message : messages) {
      assertTrue(
          subscriber
              .received(message.deviceId())
              .contains(new MqttSubscriber.Received(message.json(), 1, false)),
          message.deviceId() + " received its command's JSON at QoS 1, not retained");
    }
  }
}
