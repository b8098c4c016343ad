package io.devices.mqtt;

import static java.util.stream.Collectors.toSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.spi.command.CommandMessage;
import io.devices.spi.command.CommandTransport;
import io.devices.spi.command.DeliveryOutcome;
import io.devices.spi.command.DeliveryOutcome.Status;
import io.devices.testsupport.mqtt.EmbeddedBroker;
import io.devices.testsupport.mqtt.MqttSubscriber;
import io.devices.testsupport.net.FreePort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The mqtt transport against a real broker (Moquette, in process) and a device-side subscriber. */
class MqttTransportTest {
  private static final Instant TIME = Instant.parse("2024-05-01T12:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  @Test
  void aBatchToDistinctDevicesIsDeliveredOncePerDeviceWithItsExactJsonAtQos1() throws Exception {
    EmbeddedBroker broker = broker(FreePort.find()).start();
    MqttSubscriber subscriber = subscriber(broker);
    MqttTransport transport = connectedTransport(Map.of("url", broker.url()));
    List<CommandMessage> batch = messages(2_000);

    List<DeliveryOutcome> outcomes = transport.deliver(batch);

    assertEquals(batch.size(), outcomes.size());
    assertTrue(outcomes.stream().allMatch(o -> o.status() == Status.DELIVERED), summary(outcomes));
    assertTrue(outcomes.stream().allMatch(o -> o.reason() == null));
    assertEquals(batch.size(), subscriber.awaitCount(batch.size(), WAIT));
    assertEquals(batch.size(), subscriber.devices());
    assertTrue(eventually(() -> broker.published().size() >= batch.size()));
    assertEquals(batch.size(), broker.published().size(), "the broker took each command once");
    assertEquals(
        batch.stream().map(m -> new EmbeddedBroker.Publish(topic(m), 1, false)).collect(toSet()),
        Set.copyOf(broker.published()),
        "at QoS 1, not retained");
    for (CommandMessage message : batch) {
      List<MqttSubscriber.Received> received = subscriber.received(message.deviceId());
      assertEquals(
          List.of(new MqttSubscriber.Received(message.json(), 1, false)),
          received,
          message.deviceId());
    }
  }

  @Test
  void severalThreadsDeliverAtOnce() throws Exception {
    EmbeddedBroker broker = broker(FreePort.find()).start();
    MqttSubscriber subscriber = subscriber(broker);
    MqttTransport transport = connectedTransport(Map.of("url", broker.url()));
    List<List<CommandMessage>> batches =
        IntStream.range(0, 4).mapToObj(t -> messages(500)).toList();
    ExecutorService threads = Executors.newFixedThreadPool(batches.size());
    try {
      List<Future<List<DeliveryOutcome>>> results = new ArrayList<>();
      for (List<CommandMessage> batch : batches) {
        results.add(threads.submit(() -> transport.deliver(batch)));
      }
      for (Future<List<DeliveryOutcome>> result : results) {
        List<DeliveryOutcome> outcomes = result.get();
        assertEquals(500, outcomes.size());
        assertTrue(
            outcomes.stream().allMatch(o -> o.status() == Status.DELIVERED), summary(outcomes));
      }
    } finally {
      threads.shutdownNow();
    }
    assertEquals(2_000, subscriber.awaitCount(2_000, WAIT));
    for (List<CommandMessage> batch : batches) {
      for (CommandMessage message : batch) {
        assertEquals(1, subscriber.received(message.deviceId()).size(), message.deviceId());
        assertEquals(message.json(), subscriber.received(message.deviceId()).get(0).payload());
      }
    }
  }

  @Test
  void aFullInFlightWindowMakesThePublisherWaitInsteadOfFailing() throws Exception {
    EmbeddedBroker broker = broker(FreePort.find()).start();
    MqttSubscriber subscriber = subscriber(broker);
    MqttTransport transport = connectedTransport(Map.of("url", broker.url(), "max-inflight", "5"));
    List<CommandMessage> batch = messages(300);

    List<DeliveryOutcome> outcomes = transport.deliver(batch);

    assertTrue(outcomes.stream().allMatch(o -> o.status() == Status.DELIVERED), summary(outcomes));
    assertEquals(300, subscriber.awaitCount(300, WAIT));
    assertEquals(300, subscriber.devices());
  }

  @Test
  void whenTheBrokerIsDownAtStartTheTransportConnectsByItselfOnceItIsUp() throws Exception {
    int port = FreePort.find();
    EmbeddedBroker broker = broker(port);
    MqttTransport transport = transport(Map.of("url", broker.url()));

    assertFalse(transport.isConnected());
    List<DeliveryOutcome> outcomes = transport.deliver(messages(3));
    assertEquals(
        List.of(
            DeliveryOutcome.retryLater("not connected to the MQTT broker " + broker.url()),
            DeliveryOutcome.retryLater("not connected to the MQTT broker " + broker.url()),
            DeliveryOutcome.retryLater("not connected to the MQTT broker " + broker.url())),
        outcomes);
    assertFalse(transport.isConnected());

    broker.start();
    MqttSubscriber subscriber = subscriber(broker);
    assertTrue(eventually(transport::isConnected), "connected once the broker is up");
    List<CommandMessage> batch = messages(10);
    assertTrue(transport.deliver(batch).stream().allMatch(o -> o.status() == Status.DELIVERED));
    assertEquals(10, subscriber.awaitCount(10, WAIT));
  }

  @Test
  void aMalformedDeviceIdFailsWhileTheOthersAreDelivered() throws Exception {
    EmbeddedBroker broker = broker(FreePort.find()).start();
    MqttSubscriber subscriber = subscriber(broker);
    MqttTransport transport = connectedTransport(Map.of("url", broker.url()));
    CommandMessage first = message(TestIds.next(TIME), 1);
    CommandMessage injected = message("a/b/#", 2);
    CommandMessage plus = message("+", 3);
    CommandMessage tooShort = message("abc123", 4);
    CommandMessage last = message(TestIds.next(TIME), 5);

    List<DeliveryOutcome> outcomes =
        transport.deliver(List.of(first, injected, plus, tooShort, last));

    assertEquals(
        List.of(Status.DELIVERED, Status.FAILED, Status.FAILED, Status.FAILED, Status.DELIVERED),
        outcomes.stream().map(DeliveryOutcome::status).toList());
    assertTrue(outcomes.get(1).reason().contains("24 hex"), outcomes.get(1).reason());
    assertEquals(2, subscriber.awaitCount(2, WAIT));
    assertEquals(
        Map.of(topic(first), first.json(), topic(last), last.json()),
        Map.of(
            topic(first), subscriber.received(first.deviceId()).get(0).payload(),
            topic(last), subscriber.received(last.deviceId()).get(0).payload()));
    assertEquals(2, subscriber.devices());
  }

  @Test
  void aBrokerThatGoesDownMeansRetryLaterAndDeliveriesResumeWhenItIsBack() throws Exception {
    EmbeddedBroker broker = broker(FreePort.find()).start();
    MqttTransport transport = connectedTransport(Map.of("url", broker.url()));
    assertTrue(
        transport.deliver(messages(5)).stream().allMatch(o -> o.status() == Status.DELIVERED));

    broker.stop();
    assertTrue(eventually(() -> !transport.isConnected()), "notices the broker is gone");
    List<DeliveryOutcome> whileDown = transport.deliver(messages(5));
    assertEquals(5, whileDown.size());
    assertTrue(
        whileDown.stream().allMatch(o -> o.status() == Status.RETRY_LATER), summary(whileDown));

    broker.start();
    MqttSubscriber subscriber = subscriber(broker);
    assertTrue(eventually(transport::isConnected), "reconnects by itself");
    List<CommandMessage> batch = messages(20);
    List<DeliveryOutcome> outcomes = transport.deliver(batch);
    assertTrue(outcomes.stream().allMatch(o -> o.status() == Status.DELIVERED), summary(outcomes));
    assertEquals(20, subscriber.awaitCount(20, WAIT));
    for (CommandMessage message : batch) {
      assertEquals(message.json(), subscriber.received(message.deviceId()).get(0).payload());
    }
  }

  @Test
  void publishesWithoutPubackWithinThePublishTimeoutAreRetriedLater() throws Exception {
    SilentBroker silent = new SilentBroker();
    toClose.add(silent);
    MqttTransport transport =
        connectedTransport(
            Map.of("url", silent.url(), "publish-timeout", "PT0.5S", "max-inflight", "3"));

    List<DeliveryOutcome> outcomes = transport.deliver(messages(10));

    assertEquals(10, outcomes.size());
    assertTrue(
        outcomes.stream().allMatch(o -> o.status() == Status.RETRY_LATER), summary(outcomes));
    // Paho counts a message in flight once it is sent, so the window may fill before or after.
    assertTrue(
        outcomes.stream()
            .allMatch(o -> o.reason().contains("PUBACK") || o.reason().contains("in-flight")),
        summary(outcomes));
  }

  @Test
  void theServiceLoaderFindsTheMqttTransport() {
    List<CommandTransport> transports =
        ServiceLoader.load(CommandTransport.class).stream()
            .map(ServiceLoader.Provider::get)
            .toList();
    assertEquals(List.of("mqtt"), transports.stream().map(CommandTransport::id).toList());
    assertInstanceOf(MqttTransport.class, transports.get(0));
    assertFalse(transports.get(0).isConnected(), "not started: not connected");
  }

  @Test
  void badSettingsRefuseToStart() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new MqttTransport().start(Map.of("max-inflight", "lots")));
    assertThrows(
        IllegalArgumentException.class,
        () -> new MqttTransport().start(Map.of("publish-timeout", "30s")));
    assertThrows(
        IllegalArgumentException.class,
        () -> new MqttTransport().start(Map.of("url", "http://127.0.0.1:1883")));
  }

  @Test
  void stopWithoutAConnectionAndTwiceNeverThrows() throws Exception {
    MqttTransport transport = new MqttTransport();
    transport.start(Map.of("url", "tcp://127.0.0.1:" + FreePort.find()));
    transport.stop();
    transport.stop();
    assertFalse(transport.isConnected());
    assertEquals(Status.RETRY_LATER, transport.deliver(messages(1)).get(0).status());
    assertEquals(Status.RETRY_LATER, new MqttTransport().deliver(messages(1)).get(0).status());
  }

  private EmbeddedBroker broker(int port) {
    EmbeddedBroker broker = new EmbeddedBroker(port);
    toClose.add(broker);
    return broker;
  }

  private MqttSubscriber subscriber(EmbeddedBroker broker) {
    MqttSubscriber subscriber = new MqttSubscriber(broker.url());
    toClose.add(subscriber);
    return subscriber;
  }

  private MqttTransport transport(Map<String, String> config) throws Exception {
    MqttTransport transport = new MqttTransport();
    toClose.add(transport::stop);
    Map<String, String> settings = new HashMap<>(config);
    settings.putIfAbsent("publish-timeout", "PT20S");
    // Moquette drops a PUBACK when its channel to the publisher is not writable (a backlog of
    // about 1,600 acks on a cold JVM), and the publisher then never gets it: a smaller window
    // than the default keeps the backlog below that, and makes every large batch wait for room.
    settings.putIfAbsent("max-inflight", "500");
    transport.start(settings);
    return transport;
  }

  private MqttTransport connectedTransport(Map<String, String> config) throws Exception {
    MqttTransport transport = transport(config);
    assertTrue(eventually(transport::isConnected), "connects to " + config.get("url"));
    return transport;
  }

  private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }

  private static List<CommandMessage> messages(int count) {
    return IntStream.range(0, count).mapToObj(i -> message(TestIds.next(TIME), i)).toList();
  }

  private static CommandMessage message(String deviceId, int n) {
    String commandId = TestIds.next(TIME);
    String payload = "{\"n\":" + n + ",\"text\":\"Grüße ✓\"}";
    String json = "{\"name\":\"reboot\",\"payload\":" + payload + ",\"time\":\"" + TIME + "\"}";
    return new CommandMessage(
        commandId + ":" + deviceId,
        "5f0c3c8e8a1b2c3d4e5f6a7b",
        deviceId,
        commandId,
        "reboot",
        payload,
        TIME,
        json);
  }

  private static String topic(CommandMessage message) {
    return "losant/" + message.deviceId() + "/command";
  }

  private static String summary(List<DeliveryOutcome> outcomes) {
    Map<String, Long> counts = new HashMap<>();
    for (DeliveryOutcome outcome : outcomes) {
      counts.merge(outcome.status() + " " + outcome.reason(), 1L, Long::sum);
    }
    return counts.toString();
  }
}
