package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.api.CommandAccepted;
import io.devices.api.CommandDeliveries;
import io.devices.api.CommandDeliveryStatus;
import io.devices.api.CommandStatus;
import io.devices.api.DeviceTagFilter;
import io.devices.api.MultiDeviceCommand;
import io.devices.api.client.DevicesClient;
import io.devices.testsupport.mqtt.MqttSubscriber;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Send Command end to end through a real MQTT broker (embedded Moquette, or the machine's Mosquitto
 * when {@code it.mqtt.url} names one): exactly the selected devices receive exactly one message
 * each, with the right name, payload and time; the status endpoints; routing; validation.
 */
@ExtendWith(ArquillianExtension.class)
class CommandIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private static Api owner;
  private static DevicesClient client;
  private static Fixtures fixtures;
  private static MqttSubscriber subscriber;

  @BeforeAll
  static void setUp() {
    TestBroker.ensureRunning();
    subscriber = new MqttSubscriber(TestBroker.url());
    owner = Api.owner();
    fixtures = new Fixtures(owner);
    client = fixtures.owner();
  }

  @AfterAll
  static void tearDown() {
    if (subscriber != null) {
      subscriber.close();
    }
  }

  private static String app() {
    return fixtures.application("commands " + UUID.randomUUID());
  }

  private static String device(String app, String name, String... tags) {
    return fixtures.namedDevice(app, name, tags).id();
  }

  private static String send(String app, MultiDeviceCommand command) {
    CommandAccepted accepted = client.devices(app).sendCommand(command);
    assertTrue(accepted.success());
    return accepted.commandId();
  }

  /** A command to the devices with these tags (a null key or value matches any). */
  private static MultiDeviceCommand toTagged(String name, DeviceTagFilter... tags) {
    return new MultiDeviceCommand(name, null, null, null, List.of(tags));
  }

  /** Sends a body as written, for the tests of its wire forms. */
  private static String send(String app, String body) {
    JsonObject accepted =
        owner.post("/applications/" + app + "/devices/command", body).expect(200).object();
    assertTrue(accepted.getBoolean("success"));
    return accepted.getString("commandId");
  }

  private static CommandStatus awaitSettled(String app, String commandId) {
    return Awaits.until(
        "command " + commandId + " to settle",
        WAIT,
        () -> {
          CommandStatus status = client.commands(app).status(commandId);
          return status.pending() == 0 ? Optional.of(status) : Optional.empty();
        });
  }

  @Test
  void idsAndTagsTogetherReachTheirUnionExactlyOnce() {
    String app = app();
    String a = device(app, "a", "floor", "8");
    String b = device(app, "b", "floor", "9", "zone", "north");
    String c = device(app, "c", "floor", "8", "zone", "south");
    String d = device(app, "d");
    String untouched = device(app, "e", "floor", "10");
    String elsewhere = device(app(), "f", "floor", "8");
    String commandId =
        send(
            app,
            new MultiDeviceCommand(
                "reboot",
                Map.of("delay", 5),
                null,
                List.of(a, d, elsewhere),
                List.of(new DeviceTagFilter("floor", "8"), new DeviceTagFilter(null, "north"))));

    CommandStatus status = awaitSettled(app, commandId);
    assertEquals(4, status.targeted(), status.toString());
    assertEquals(4, status.delivered());
    assertEquals(0, status.failed());
    subscriber.awaitEach(List.of(a, b, c, d), 1, WAIT);
    for (String device : List.of(a, b, c, d)) {
      List<JsonObject> received = subscriber.messages(device);
      assertEquals(
          1, received.stream().filter(m -> m.getString("name").equals("reboot")).count(), device);
      JsonObject message = received.get(0);
      assertEquals(
          Json.createObjectBuilder().add("delay", 5).build(), message.getJsonObject("payload"));
      assertEquals(Set.of("name", "payload", "time"), message.keySet());
    }
    assertTrue(subscriber.messages(untouched).isEmpty(), "not selected");
    assertTrue(subscriber.messages(elsewhere).isEmpty(), "another application's device");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"{\"a\":[1,{\"b\":null}]}", "[1,\"two\",false]", "42", "-0.5", "\"text\"", "null"})
  void everyKindOfPayloadArrivesAsSent(String payload) {
    String app = app();
    String device = device(app, "payload");
    send(app, "{\"name\":\"p\",\"payload\":" + payload + ",\"deviceIds\":[\"" + device + "\"]}");
    subscriber.awaitEach(List.of(device), 1, WAIT);
    JsonValue received = subscriber.messages(device).get(0).get("payload");
    try (JsonReader reader = Json.createReader(new StringReader(payload))) {
      assertEquals(reader.readValue(), received);
    }
  }

  @Test
  void timeComesAsIsoMillisOrDateObjectAndDefaultsToNow() {
    String app = app();
    String iso = device(app, "iso");
    String millis = device(app, "millis");
    String date = device(app, "date");
    String now = device(app, "now");
    send(
        app,
        "{\"name\":\"t\",\"time\":\"2026-01-02T05:04:05.678+02:00\",\"deviceIds\":[\""
            + iso
            + "\"]}");
    send(app, "{\"name\":\"t\",\"time\":1767323045678,\"deviceIds\":[\"" + millis + "\"]}");
    send(
        app,
        "{\"name\":\"t\",\"time\":{\"$date\":\"2026-01-02T03:04:05.678Z\"},\"deviceIds\":[\""
            + date
            + "\"]}");
    Instant before = Instant.now().minusSeconds(1);
    send(app, "{\"name\":\"t\",\"deviceIds\":[\"" + now + "\"]}");
    Instant after = Instant.now().plusSeconds(1);
    subscriber.awaitEach(List.of(iso, millis, date, now), 1, WAIT);
    for (String device : List.of(iso, millis, date)) {
      assertEquals(
          "2026-01-02T03:04:05.678Z", subscriber.messages(device).get(0).getString("time"));
    }
    Instant sent = Instant.parse(subscriber.messages(now).get(0).getString("time"));
    assertTrue(!sent.isBefore(before) && !sent.isAfter(after), sent.toString());
  }

  @Test
  void aDeviceWhoseTransportIsNotInstalledFailsWithAClearReason() {
    String app = app();
    String good = device(app, "good", "group", "g");
    String odd = device(app, "odd", "group", "g", "commandTransport", "carrier-pigeon");
    String commandId = send(app, toTagged("x", new DeviceTagFilter("group", null)));
    CommandStatus status = awaitSettled(app, commandId);
    assertEquals(1, status.delivered());
    assertEquals(1, status.failed());
    CommandDeliveries failed = client.commands(app).deliveries(commandId, "failed", 0, 1000);
    assertEquals(1, failed.totalCount());
    CommandDeliveryStatus delivery = failed.items().get(0);
    assertEquals(odd, delivery.deviceId());
    assertEquals("carrier-pigeon", delivery.transport());
    assertTrue(delivery.lastError().contains("carrier-pigeon"), delivery.toString());
    subscriber.awaitEach(List.of(good), 1, WAIT);
    assertTrue(subscriber.messages(odd).isEmpty());
  }

  @Test
  void queuedDeliveredAndFailedDeliveriesAreCountedOnMetrics() {
    String app = app();
    String good = device(app, "good", "metered", "m");
    device(app, "odd", "metered", "m", "commandTransport", "carrier-pigeon");
    Metrics before = Metrics.scrape(owner);
    String commandId = send(app, toTagged("x", new DeviceTagFilter("metered", null)));
    awaitSettled(app, commandId);
    subscriber.awaitEach(List.of(good), 1, WAIT);

    // Other tests' deliveries may still be counted meanwhile: at least ours.
    Metrics after =
        Awaits.until(
            "the command counters to move",
            WAIT,
            () ->
                Optional.of(Metrics.scrape(owner))
                    .filter(m -> grew(before, m, "devices_commands_queued_total", 2))
                    .filter(m -> grew(before, m, "devices_commands_delivered_total", 1))
                    .filter(m -> grew(before, m, "devices_commands_failed_total", 1)));
    assertTrue(after.contains("devices_commands_pending", Map.of()), after.show("devices_"));
  }

  private static boolean grew(Metrics before, Metrics after, String counter, int atLeast) {
    return after.sum(counter) - before.sum(counter) >= atLeast;
  }

  @Test
  void deliveriesPageInDeviceOrderAndFilterByState() {
    String app = app();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      ids.add(device(app, "page " + i, "batch", "p"));
    }
    String commandId = send(app, toTagged("x", new DeviceTagFilter("batch", null)));
    awaitSettled(app, commandId);
    String path = "/applications/" + app + "/devices/commands/" + commandId + "/deliveries";
    List<String> seen = new ArrayList<>();
    for (int page = 0; page < 3; page++) {
      CommandDeliveries result = client.commands(app).deliveries(commandId, null, page, 3);
      assertEquals(7, result.totalCount());
      for (CommandDeliveryStatus item : result.items()) {
        assertEquals("delivered", item.state());
        assertEquals(1, item.attempts());
        seen.add(item.deviceId());
      }
    }
    assertEquals(ids.stream().sorted().toList(), seen);
    assertEquals(0, client.commands(app).deliveries(commandId, "pending", 0, 1000).totalCount());
    owner.get(path + "?state=lost").expectError(400, "Validation");
  }

  @Test
  void badBodiesAreRejectedAndRecordNothing() {
    String app = app();
    String device = device(app, "v");
    String devices = "/applications/" + app + "/devices/command";
    List<String> bodies =
        List.of(
            "{\"deviceIds\":[\"" + device + "\"]}",
            "{\"name\":\"\",\"deviceIds\":[\"" + device + "\"]}",
            "{\"name\":\"x\"}",
            "{\"name\":\"x\",\"deviceIds\":[\"zz\"]}",
            "{\"name\":\"x\",\"deviceTags\":[{}]}",
            "{\"name\":\"x\",\"deviceIds\":[\"" + device + "\"],\"time\":\"soon\"}",
            "{\"name\":\"x\",\"deviceIds\":[\"" + device + "\"],\"color\":\"red\"}",
            "[]",
            "not json");
    for (String body : bodies) {
      owner.post(devices, body).expectError(400, "Validation");
    }
    owner
        .post(
            "/applications/5a0000000000000000000000/devices/command",
            "{\"name\":\"x\",\"deviceIds\":[\"" + device + "\"]}")
        .expectError(404, "NotFound");
    assertTrue(subscriber.messages(device).isEmpty(), "nothing was sent");
  }

  @Test
  void theStatusEndpointsTakeSendCommandsScopesAndTheirReadForms() {
    String app = app();
    String device = device(app, "s");
    String commandId = send(app, new MultiDeviceCommand("x", null, null, List.of(device), null));
    String path = "/applications/" + app + "/devices/commands/" + commandId;
    for (String scope : ScopeTable.KNOWN_SCOPES) {
      Api token = fixtures.as(app, scope);
      boolean allowed = ScopeTable.DEVICES_COMMAND_STATUS.contains(scope);
      for (String endpoint : List.of(path, path + "/deliveries")) {
        ApiResponse response = token.get(endpoint);
        if (allowed) {
          response.expect(200);
        } else {
          response.expectError(403, "Forbidden");
        }
      }
    }
    owner
        .get("/applications/" + app + "/devices/commands/5a0000000000000000000000")
        .expectError(404, "NotFound");
    owner
        .get("/applications/" + app() + "/devices/commands/" + commandId)
        .expectError(404, "NotFound");
    owner.withToken(null).get(path).expectError(401, "Unauthorized");
    awaitSettled(app, commandId);
    // The status as it is on the wire: a command without payload says so with null.
    JsonObject status = owner.get(path).expect(200).object();
    assertEquals("x", status.getString("name"));
    assertEquals(JsonValue.NULL, status.get("payload"));
    assertFalse(status.getString("expiresAt").isEmpty());
  }
}
