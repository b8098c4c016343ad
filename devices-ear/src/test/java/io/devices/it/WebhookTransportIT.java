package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.api.CommandDeliveryStatus;
import io.devices.api.CommandStatus;
import io.devices.api.DeviceTagFilter;
import io.devices.api.MultiDeviceCommand;
import io.devices.testsupport.mqtt.MqttSubscriber;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The webhook transport as a vendor ships it: its jar, built by the reactor, dropped into the
 * plugins directory of a server of its own, configured by DEVICES_WEBHOOK_* variables. Devices
 * tagged {@code commandTransport=webhook} get their commands as signed POSTs to a real receiver in
 * the test, the others over MQTT; an outage of the receiver is retried through, no sooner than its
 * Retry-After; a 4xx fails the delivery with the status as its reason.
 */
class WebhookTransportIT {
  private static final String SERVER_NAME = "devicesWebhookIT";
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String SECRET = "the webhook IT's shared secret";

  private static final WebhookReceiver receiver = new WebhookReceiver();

  @RegisterExtension
  static final OwnServer own =
      OwnServer.named(SERVER_NAME)
          .slot(6)
          .environment(
              () ->
                  ServerEnvironment.owner()
                      .mqttBroker(TestBroker.url())
                      .commandWorkers(Duration.ofMinutes(2))
                      .set("DEVICES_COMMAND_RETRY_DELAY", "PT0.5S")
                      .set("DEVICES_COMMAND_MAX_RETRY_DELAY", "PT1S")
                      .set("DEVICES_WEBHOOK_URL", receiver.url("/devices/{deviceId}"))
                      .set("DEVICES_WEBHOOK_SECRET", SECRET)
                      .set("DEVICES_WEBHOOK_TIMEOUT", "PT5S")
                      // The receiver runs on loopback.
                      .set("DEVICES_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true"))
          .beforeStart(PluginArtifacts.WEBHOOK_TRANSPORT::installInto);

  private static Fixtures fixtures;

  @BeforeAll
  static void connect() {
    fixtures = new Fixtures(new Api(own.server().baseUrl(), System.getProperty("it.owner.token")));
  }

  @AfterAll
  static void stopTheReceiver() {
    receiver.close();
  }

  private static String webhookDevice(String app, String name) {
    return fixtures.namedDevice(app, name, "fleet", "w", "commandTransport", "webhook").id();
  }

  private static String send(String app, String name, Object payload) {
    return fixtures
        .owner()
        .devices(app)
        .sendCommand(
            new MultiDeviceCommand(
                name, payload, null, null, List.of(new DeviceTagFilter("fleet", null))))
        .commandId();
  }

  private static CommandStatus awaitStatus(
      String app, String commandId, String what, Predicate<CommandStatus> done) {
    return Awaits.until(
        what,
        WAIT,
        () -> Optional.of(fixtures.owner().commands(app).status(commandId)).filter(done));
  }

  private static String path(String deviceId) {
    return "/devices/" + deviceId;
  }

  @Test
  void webhookDevicesGetSignedPostsAndTheOthersMqtt() throws Exception {
    String app = fixtures.application("webhook fleet " + UUID.randomUUID());
    List<String> byWebhook = List.of(webhookDevice(app, "w1"), webhookDevice(app, "w2"));
    String byMqtt = fixtures.namedDevice(app, "m1", "fleet", "m").id();
    try (MqttSubscriber subscriber = new MqttSubscriber(TestBroker.url())) {
      String commandId = send(app, "reboot", Map.of("delay", 5));
      subscriber.awaitEach(List.of(byMqtt), 1, WAIT);
      awaitStatus(app, commandId, "every delivery recorded", s -> s.delivered() == 3);
      for (String device : byWebhook) {
        assertTrue(subscriber.messages(device).isEmpty(), "not on MQTT: " + device);
        List<WebhookReceiver.Request> requests = receiver.receivedAt(path(device));
        assertEquals(1, requests.size(), device);
        WebhookReceiver.Request request = requests.get(0);
        assertEquals("application/json", request.header("Content-Type"));
        assertEquals(commandId + ":" + device, request.header("X-Devices-Delivery"));
        assertSigned(request);
        JsonObject body = json(request.body());
        assertEquals(commandId + ":" + device, body.getString("deliveryId"));
        assertEquals(app, body.getString("applicationId"));
        assertEquals(device, body.getString("deviceId"));
        assertEquals(commandId, body.getString("commandId"));
        JsonObject command = body.getJsonObject("command");
        assertEquals("reboot", command.getString("name"));
        assertEquals(5, command.getJsonObject("payload").getInt("delay"));
        assertEquals(
            subscriber.messages(byMqtt).get(0).getString("time"),
            command.getString("time"),
            "the message a device gets over MQTT");
      }
    }
    assertTrue(receiver.receivedAt(path(byMqtt)).isEmpty(), "the MQTT device is not posted to");
  }

  /** As a receiver verifies it: HMAC-SHA256 over "<t>.<body>" under the shared secret. */
  private static void assertSigned(WebhookReceiver.Request request) throws Exception {
    String signature = request.header("X-Devices-Signature");
    assertTrue(signature.matches("t=\\d+,v1=[0-9a-f]{64}"), signature);
    String timestamp = signature.substring(2, signature.indexOf(','));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        HexFormat.of()
            .formatHex(
                mac.doFinal((timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
    assertEquals("v1=" + expected, signature.substring(signature.indexOf(',') + 1));
  }

  private static JsonObject json(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  @Test
  void aReceiverOutageIsRetriedThroughNoSoonerThanItsRetryAfter() {
    String app = fixtures.application("webhook outage " + UUID.randomUUID());
    String device = webhookDevice(app, "w");
    receiver.answer(path(device), new WebhookReceiver.Answer(503, "2"));
    String commandId = send(app, "wake", null);
    CommandDeliveryStatus waiting =
        Awaits.until(
            "attempts while the receiver answers 503",
            WAIT,
            () -> {
              CommandDeliveryStatus first =
                  fixtures.owner().commands(app).deliveries(commandId).items().get(0);
              return first.attempts() >= 2 ? Optional.of(first) : Optional.empty();
            });
    assertEquals("pending", waiting.state());
    assertEquals("webhook", waiting.transport());
    assertEquals("HTTP 503 from the receiver, retry after PT2S", waiting.lastError());

    receiver.answer(path(device), new WebhookReceiver.Answer(200, null));
    awaitStatus(app, commandId, "delivered once the receiver is up", s -> s.delivered() == 1);

    List<WebhookReceiver.Request> attempts = receiver.receivedAt(path(device));
    assertTrue(attempts.size() >= 3, attempts.size() + " attempts");
    assertEquals(
        List.of(commandId + ":" + device),
        attempts.stream().map(r -> r.header("X-Devices-Delivery")).distinct().toList(),
        "one delivery id across the retries: a receiver drops repeats by it");
    for (int i = 1; i < attempts.size(); i++) {
      Duration gap = Duration.between(attempts.get(i - 1).arrived(), attempts.get(i).arrived());
      assertFalse(gap.compareTo(Duration.ofSeconds(2)) < 0, "attempt " + i + " came after " + gap);
    }
  }

  @Test
  void aClientErrorFailsTheDeliveryWithTheStatusAsItsReason() {
    String app = fixtures.application("webhook refused " + UUID.randomUUID());
    String device = webhookDevice(app, "w");
    receiver.answer(path(device), new WebhookReceiver.Answer(404, null));
    String commandId = send(app, "wake", null);

    CommandStatus settled =
        awaitStatus(app, commandId, "the delivery to fail", s -> s.failed() == 1);

    assertEquals(0, settled.pending(), settled.toString());
    CommandDeliveryStatus failed =
        fixtures.owner().commands(app).deliveries(commandId, "failed", 0, 10).items().get(0);
    assertEquals("HTTP 404 from the receiver", failed.lastError());
    assertEquals(1, failed.attempts());
    assertEquals(1, receiver.receivedAt(path(device)).size(), "a failed delivery is not retried");
  }
}
