package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  private static Fixtures fixtures;
  private static MqttSubscriber subscriber;

  @BeforeAll
  static void setUp() {
    TestBroker.ensureRunning();
    subscriber = new MqttSubscriber(TestBroker.url());
    owner = Api.owner();
    fixtures = new Fixtures(owner);
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
    var tagArray = Json.createArrayBuilder();
    for (int i = 0; i < tags.length; i += 2) {
      tagArray.add(Json.createObjectBuilder().add("key", tags[i]).add("value", tags[i + 1]));
    }
    return fixtures
        .device(
            app,
            Json.createObjectBuilder().add("name", name).add("tags", tagArray).build().toString())
        .getString("id");
  }

  private static String send(String app, String body) {
    JsonObject accepted =
        owner.post("/applications/" + app + "/devices/command", body).expect(200).object();
    assertTrue(accepted.getBoolean("success"));
    return accepted.getString("commandId");
  }

  private static JsonObject awaitSettled(String app, String commandId) {
    return Awaits.until(
        "command " + commandId + " to settle",
        WAIT,
        () -> {
          JsonObject status = status(app, commandId);
          return status.getJsonNumber("pending").longValue() == 0
              ? Optional.of(status)
              : Optional.empty();
        });
  }

  private static JsonObject status(String app, String commandId) {
    return owner
        .get("/applications/" + app + "/devices/commands/" + commandId)
        .expect(200)
        .object();
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
            "{\"name\":\"reboot\",\"payload\":{\"delay\":5},\"deviceIds\":[\""
                + a
                + "\",\""
                + d
                + "\",\""
                + elsewhere
                + "\"],"
                + "\"deviceTags\":[{\"key\":\"floor\",\"value\":\"8\"},{\"value\":\"north\"}]}");

    JsonObject status = awaitSettled(app, commandId);
    assertEquals(4, status.getInt("targeted"), status.toString());
    assertEquals(4, status.getInt("delivered"));
    assertEquals(0, status.getInt("failed"));
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
    String commandId = send(app, "{\"name\":\"x\",\"deviceTags\":[{\"key\":\"group\"}]}");
    JsonObject status = awaitSettled(app, commandId);
    assertEquals(1, status.getInt("delivered"));
    assertEquals(1, status.getInt("failed"));
    JsonObject failed =
        owner
            .get(
                "/applications/"
                    + app
                    + "/devices/commands/"
                    + commandId
                    + "/deliveries?state=failed")
            .expect(200)
            .object();
    assertEquals(1, failed.getInt("totalCount"));
    JsonObject delivery = failed.getJsonArray("items").getJsonObject(0);
    assertEquals(odd, delivery.getString("deviceId"));
    assertEquals("carrier-pigeon", delivery.getString("transport"));
    assertTrue(delivery.getString("lastError").contains("carrier-pigeon"), delivery.toString());
    subscriber.awaitEach(List.of(good), 1, WAIT);
    assertTrue(subscriber.messages(odd).isEmpty());
  }

  @Test
  void queuedDeliveredAndFailedDeliveriesAreCountedOnMetrics() {
    String app = app();
    String good = device(app, "good", "metered", "m");
    device(app, "odd", "metered", "m", "commandTransport", "carrier-pigeon");
    Metrics before = Metrics.scrape(owner);
    String commandId = send(app, "{\"name\":\"x\",\"deviceTags\":[{\"key\":\"metered\"}]}");
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
    String commandId = send(app, "{\"name\":\"x\",\"deviceTags\":[{\"key\":\"batch\"}]}");
    awaitSettled(app, commandId);
    String path = "/applications/" + app + "/devices/commands/" + commandId + "/deliveries";
    List<String> seen = new ArrayList<>();
    for (int page = 0; page < 3; page++) {
      JsonObject result = owner.get(path + "?perPage=3&page=" + page).expect(200).object();
      assertEquals(7, result.getInt("totalCount"));
      for (JsonObject item : result.getJsonArray("items").getValuesAs(JsonObject.class)) {
        assertEquals("delivered", item.getString("state"));
        assertEquals(1, item.getInt("attempts"));
        seen.add(item.getString("deviceId"));
      }
    }
    assertEquals(ids.stream().sorted().toList(), seen);
    assertEquals(0, owner.get(path + "?state=pending").expect(200).object().getInt("totalCount"));
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
    String commandId = send(app, "{\"name\":\"x\",\"deviceIds\":[\"" + device + "\"]}");
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
    JsonObject status = awaitSettled(app, commandId);
    assertEquals("x", status.getString("name"));
    assertEquals(JsonValue.NULL, status.get("payload"));
    assertFalse(status.getString("expiresAt").isEmpty());
  }
}
