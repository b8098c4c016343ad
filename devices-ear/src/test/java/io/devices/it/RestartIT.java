package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Data survives a restart of the real server (the real EAR on Liberty, the embedded H2 file
 * database): a graceful stop and start, and a SIGKILL right after the last acknowledged write, each
 * test with an application of its own. Not an Arquillian test: it runs its own server ({@link
 * OwnServer}), with a fresh database each run.
 */
class RestartIT {
  private static final String SERVER_NAME = "devicesRestartIT";

  @RegisterExtension static final OwnServer own = OwnServer.named(SERVER_NAME);

  private static LibertyServer server;
  private static Api owner;

  @BeforeAll
  static void connect() {
    server = own.server();
    owner = new Api(server.baseUrl(), System.getProperty("it.owner.token"));
  }

  /** An application with an all-scopes token and devices of every shape, as created. */
  private record Populated(String app, JsonObject token, Map<String, JsonObject> devices) {
    String tokenSecret() {
      return token.getString("token");
    }
  }

  private static Populated populatedApplication() {
    Fixtures fixtures = new Fixtures(owner);
    String app = fixtures.application("restart-" + UUID.randomUUID());
    JsonObject token = fixtures.token(app, List.of("all.Application"));
    Api byToken = owner.withToken(token.getString("token"));
    Map<String, JsonObject> devices = new LinkedHashMap<>();

    JsonObject gateway =
        fixtures.device(
            app,
            device("zeta gateway", "the gateway", "gateway", null)
                .add(
                    "tags",
                    Json.createArrayBuilder()
                        .add(tag("floor", "8"))
                        .add(tag("floor", "9"))
                        .add(tag("serial", "A-1")))
                .add(
                    "attributes",
                    Json.createArrayBuilder()
                        .add(attribute("temp", "number"))
                        .add(attribute("where", "gps")))
                .build()
                .toString());
    devices.put(gateway.getString("id"), gateway);
    JsonObject peripheral =
        byToken
            .post(
                "/applications/" + app + "/devices",
                device("alpha peripheral", "", "peripheral", gateway.getString("id"))
                    .build()
                    .toString())
            .expect(201)
            .object();
    devices.put(peripheral.getString("id"), peripheral);
    for (String name : List.of("Mike", "bravo", "Écho ünïcode", "charlie", "' OR 1=1 --")) {
      JsonObject created =
          fixtures.device(
              app,
              device(name, "d-" + name, "standalone", null)
                  .add("tags", Json.createArrayBuilder().add(tag("name", name.replace(' ', '_'))))
                  .build()
                  .toString());
      devices.put(created.getString("id"), created);
    }
    return new Populated(app, token, devices);
  }

  @Test
  void everythingSurvivesAGracefulRestart() {
    Populated populated = populatedApplication();
    String app = populated.app();
    JsonObject token = populated.token();
    Map<String, JsonObject> firstDevices = populated.devices();
    Api byToken = owner.withToken(populated.tokenSecret());

    Snapshot before = snapshot(app);
    assertEquals(firstDevices.size(), before.devicesByName().size());

    server.stop();
    assertFalse(server.isRunning(), "the server stopped");
    server.start();

    Snapshot after = snapshot(app);
    assertEquals(before, after, "everything is as it was before the restart");
    for (Map.Entry<String, JsonObject> device : firstDevices.entrySet()) {
      assertEquals(
          device.getValue(),
          owner.get("/applications/" + app + "/devices/" + device.getKey()).expect(200).object(),
          "device " + device.getKey() + " as created");
    }
    assertEquals(
        withoutSecret(token),
        owner.get("/applications/" + app + "/tokens/" + token.getString("id")).expect(200).object(),
        "the token as issued");
    // The application token and the owner token still work.
    assertEquals(
        before.devicesByName(),
        byToken.get("/applications/" + app + "/devices").expect(200).items(),
        "devices as seen by the application token");
    owner.get("/applications").expect(200);
    owner.withToken("not-the-owner-token").get("/applications").expectError(401, "Unauthorized");
  }

  @Test
  void acknowledgedWritesSurviveAKill() {
    Populated populated = populatedApplication();
    String app = populated.app();
    Map<String, JsonObject> firstDevices = populated.devices();
    Fixtures fixtures = new Fixtures(owner);
    Api byToken = owner.withToken(populated.tokenSecret());
    Snapshot firstApplication = snapshot(app);

    // Writes of every kind, each acknowledged (201 or 200) before the next, then SIGKILL at once.
    String secondApp = fixtures.application("restart-killed-" + UUID.randomUUID());
    JsonObject secondAppCreated = owner.get("/applications/" + secondApp).expect(200).object();
    JsonObject secondToken = fixtures.token(secondApp, List.of("devices.get", "devices.post"));
    JsonObject revoked = fixtures.token(app, List.of("all.Application"));
    JsonObject deactivated =
        owner
            .patch(
                "/applications/" + app + "/tokens/" + revoked.getString("id"),
                "{\"status\":\"inactive\",\"name\":\"deactivated before the kill\"}")
            .expect(200)
            .object();
    List<JsonObject> acknowledged = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      Api writer = i % 2 == 0 ? byToken : owner;
      acknowledged.add(
          writer
              .post(
                  "/applications/" + app + "/devices",
                  device("killed-" + i, "written just before SIGKILL", "standalone", null)
                      .add("tags", Json.createArrayBuilder().add(tag("batch", "kill")))
                      .build()
                      .toString())
              .expect(201)
              .object());
    }
    List<JsonObject> secondAppDevices = new ArrayList<>();
    Api secondWriter = owner.withToken(secondToken.getString("token"));
    for (int i = 0; i < 5; i++) {
      secondAppDevices.add(
          secondWriter
              .post(
                  "/applications/" + secondApp + "/devices",
                  device("second-" + i, "", "virtual", null).build().toString())
              .expect(201)
              .object());
    }
    JsonObject last =
        owner
            .post(
                "/applications/" + app + "/devices",
                device("the very last write", "", "floating", null).build().toString())
            .expect(201)
            .object();
    acknowledged.add(last);

    server.kill();
    assertFalse(server.isRunning(), "the server was killed");
    server.start();

    // Every acknowledged write is there, exactly as acknowledged: collect what is not, then fail.
    List<String> lost = new ArrayList<>();
    expectSame(lost, "application " + secondApp, secondAppCreated, "/applications/" + secondApp);
    expectSame(
        lost,
        "token " + secondToken.getString("id"),
        withoutSecret(secondToken),
        "/applications/" + secondApp + "/tokens/" + secondToken.getString("id"));
    expectSame(
        lost,
        "token change (inactive) of " + revoked.getString("id"),
        deactivated,
        "/applications/" + app + "/tokens/" + revoked.getString("id"));
    for (JsonObject device : acknowledged) {
      expectSame(
          lost,
          "device " + device.getString("name"),
          device,
          "/applications/" + app + "/devices/" + device.getString("id"));
    }
    for (JsonObject device : secondAppDevices) {
      expectSame(
          lost,
          "device " + device.getString("name") + " of the second application",
          device,
          "/applications/" + secondApp + "/devices/" + device.getString("id"));
    }
    int writes = 3 + acknowledged.size() + secondAppDevices.size();
    assertTrue(
        lost.isEmpty(),
        () ->
            lost.size()
                + " of "
                + writes
                + " writes acknowledged before SIGKILL are missing or different after the"
                + " restart:\n"
                + String.join("\n", lost));
    owner
        .withToken(revoked.getString("token"))
        .get("/applications/" + app + "/devices")
        .expectError(401, "Unauthorized");

    // The lists: the devices from before plus the acknowledged ones, in name order.
    JsonObject list =
        owner.get("/applications/" + app + "/devices?perPage=1000").expect(200).object();
    assertEquals(firstDevices.size() + acknowledged.size(), list.getInt("totalCount"));
    List<String> expectedIds = new ArrayList<>(firstDevices.keySet());
    acknowledged.forEach(d -> expectedIds.add(d.getString("id")));
    List<String> actualIds =
        list.getJsonArray("items").getValuesAs(JsonObject.class).stream()
            .map(d -> d.getString("id"))
            .toList();
    assertEquals(expectedIds.stream().sorted().toList(), actualIds.stream().sorted().toList());
    JsonObject batch =
        byToken
            .get("/applications/" + app + "/devices?tagFilter%5B0%5D%5Bkey%5D=batch")
            .expect(200)
            .object();
    assertEquals(acknowledged.size() - 1, batch.getInt("totalCount"), "tagged devices");
    assertEquals(
        secondAppDevices.size(),
        secondWriter
            .get("/applications/" + secondApp + "/devices")
            .expect(200)
            .object()
            .getInt("totalCount"));
    // The first application's older data is untouched.
    Snapshot now = snapshot(app);
    assertEquals(firstApplication.application(), now.application());
    for (String id : firstDevices.keySet()) {
      assertEquals(
          firstDevices.get(id),
          owner.get("/applications/" + app + "/devices/" + id).expect(200).object());
    }
    owner.get("/applications").expect(200);
  }

  // ---------------------------------------------------------------------------------------------

  /** The application, its devices in two orders, its tokens, and the application list. */
  record Snapshot(
      JsonObject application,
      JsonArray devicesByName,
      JsonArray devicesByCreationDesc,
      JsonArray tokens,
      JsonArray applications) {}

  private static Snapshot snapshot(String applicationId) {
    String base = "/applications/" + applicationId;
    return new Snapshot(
        owner.get(base).expect(200).object(),
        owner.get(base + "/devices").expect(200).items(),
        owner
            .get(base + "/devices?sortField=creationDate&sortDirection=desc&perPage=3&page=0")
            .expect(200)
            .items(),
        owner.get(base + "/tokens").expect(200).items(),
        owner.get("/applications?perPage=1000").expect(200).items());
  }

  /** Adds to {@code lost} when GET {@code path} does not answer {@code expected}. */
  private static void expectSame(List<String> lost, String what, JsonObject expected, String path) {
    ApiResponse response = owner.get(path);
    if (response.status() != 200) {
      lost.add(what + ": GET " + path + " answers " + response.status() + " " + response.body());
    } else if (!expected.equals(response.object())) {
      lost.add(what + ": expected " + expected + " but is " + response.body());
    }
  }

  private static JsonObjectBuilder device(
      String name, String description, String deviceClass, String gatewayId) {
    JsonObjectBuilder device =
        Json.createObjectBuilder()
            .add("name", name)
            .add("description", description)
            .add("deviceClass", deviceClass);
    if (gatewayId != null) {
      device.add("gatewayId", gatewayId);
    }
    return device;
  }

  private static JsonObjectBuilder tag(String key, String value) {
    return Json.createObjectBuilder().add("key", key).add("value", value);
  }

  private static JsonObjectBuilder attribute(String name, String dataType) {
    return Json.createObjectBuilder().add("name", name).add("dataType", dataType);
  }

  private static JsonObject withoutSecret(JsonObject token) {
    return Json.createObjectBuilder(token).remove("token").build();
  }
}
