package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Device resource (docs/api.md, "One device") on the real server: Get, Patch, Delete, Send
 * Command and Get Command, their 400s, 404s and 412s, and a soft-deleted device gone from every
 * selection (list, count, single Get, the metadata, a later export, command selection) while {@code
 * queryDeleted=true} lists it.
 */
@ExtendWith(ArquillianExtension.class)
class DeviceResourceIT {
  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private static final String UNKNOWN_DEVICE = "575ec8687ae143cd83dc4a98";
  private static final Duration WAIT = Duration.ofSeconds(60);

  private static Api owner;
  private static Fixtures fixtures;

  @BeforeAll
  static void connect() {
    owner = Api.owner();
    fixtures = new Fixtures(owner);
  }

  private static String app() {
    return fixtures.application("device resource " + UUID.randomUUID());
  }

  private static String devices(String app) {
    return "/applications/" + app + "/devices";
  }

  private static String device(String app, String id) {
    return devices(app) + "/" + id;
  }

  private static String create(String app, String json) {
    return fixtures.device(app, json).getString("id");
  }

  private static ApiResponse patch(String app, String id, String json, String... headers) {
    return owner.send(
        withHeaders(
            owner
                .request(device(app, id))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"),
            headers));
  }

  private static ApiResponse delete(String app, String id, String... headers) {
    return owner.send(withHeaders(owner.request(device(app, id)).DELETE(), headers));
  }

  private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, String... headers) {
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return request;
  }

  private static String encoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static Set<String> listedIds(String app, String query) {
    return owner.get(devices(app) + query).expect(200).object().getJsonArray("items").stream()
        .map(item -> item.asJsonObject().getString("id"))
        .collect(Collectors.toSet());
  }

  // ---- Get

  @Test
  void getAnswersTheDeviceWithAnETagAndTheListsForms() {
    String app = app();
    String id =
        create(
            app,
            "{\"name\":\"one\",\"tags\":[{\"key\":\"floor\",\"value\":\"8\"},"
                + "{\"key\":\"floor\",\"value\":\"9\"}],"
                + "\"attributes\":[{\"name\":\"temp\",\"dataType\":\"number\"}]}");
    ApiResponse got = owner.get(device(app, id)).expect(200);
    JsonObject body = got.object();
    assertEquals(id, body.getString("id"));
    assertEquals(id, body.getString("deviceId"));
    assertEquals("one", body.getString("name"));
    assertFalse(body.containsKey("deletedAt"));
    assertNotNull(got.header("etag"));
    assertTrue(got.header("etag").startsWith("\""), got.header("etag"));

    JsonObject objects =
        owner
            .get(
                device(app, id)
                    + "?tagsAsObject=true&attributesAsObject=true"
                    + "&excludeConnectionInfo=true")
            .expect(200)
            .object();
    assertEquals(
        Json.createArrayBuilder().add("8").add("9").build(),
        objects.getJsonObject("tags").getJsonArray("floor"));
    assertEquals(
        "number", objects.getJsonObject("attributes").getJsonObject("temp").getString("dataType"));
    assertFalse(objects.containsKey("connectionInfo"));
  }

  @Test
  void missingForeignDeletedAndMalformedDevices() {
    String app = app();
    String other = app();
    String foreign = create(other, "{\"name\":\"elsewhere\"}");
    String gone = create(app, "{\"name\":\"gone\"}");
    delete(app, gone).expect(200);
    for (String id : List.of(UNKNOWN_DEVICE, foreign, gone)) {
      ApiResponse missing = owner.get(device(app, id)).expectError(404, "NotFound");
      assertEquals("Device was not found", missing.message());
      patch(app, id, "{\"name\":\"x\"}").expectError(404, "NotFound");
      delete(app, id).expectError(404, "NotFound");
      owner.post(device(app, id) + "/command", "{\"name\":\"x\"}").expectError(404, "NotFound");
      owner.get(device(app, id) + "/command").expectError(404, "NotFound");
    }
    assertEquals(
        "deviceId must be a 24 character hex id",
        owner.get(device(app, "nope")).expectError(400, "Validation").message());
    // The request's shape before existence.
    patch(app, UNKNOWN_DEVICE, "{}").expectError(400, "Validation");
    owner.get(device(app, gone) + "/command?limit=0").expectError(400, "Validation");
  }

  // ---- Patch

  @Test
  void aPatchReplacesTheGivenFieldsKeepsTheOthersAndReindexesTheTags() throws Exception {
    String app = app();
    String id =
        create(
            app,
            "{\"name\":\"before\",\"description\":\"kept\",\"tags\":[{\"key\":\"floor\","
                + "\"value\":\"8\"}],\"attributes\":[{\"name\":\"temp\",\"dataType\":\"number\"}]}");
    ApiResponse before = owner.get(device(app, id)).expect(200);
    Thread.sleep(5);
    ApiResponse patched =
        patch(app, id, "{\"name\":\"after\",\"tags\":[{\"key\":\"zone\",\"value\":\"north\"}]}")
            .expect(200);
    JsonObject device = patched.object();
    assertEquals("after", device.getString("name"));
    assertEquals("kept", device.getString("description"));
    assertEquals(
        Json.createArrayBuilder()
            .add(Json.createObjectBuilder().add("key", "zone").add("value", "north"))
            .build(),
        device.getJsonArray("tags"));
    assertEquals(1, device.getJsonArray("attributes").size());
    assertTrue(
        Instant.parse(device.getString("lastUpdated"))
            .isAfter(Instant.parse(before.object().getString("lastUpdated"))));
    assertEquals(before.object().getString("creationDate"), device.getString("creationDate"));
    assertNotEquals(before.header("etag"), patched.header("etag"));
    assertEquals(patched.header("etag"), owner.get(device(app, id)).expect(200).header("etag"));
    assertEquals(device, owner.get(device(app, id)).expect(200).object());

    // The tag index changed with the device, in the same transaction.
    assertEquals(
        Set.of(id),
        listedIds(app, "?tagFilter%5B0%5D%5Bkey%5D=zone&tagFilter%5B0%5D%5Bvalue%5D=north"));
    assertEquals(Set.of(), listedIds(app, "?tagFilter%5B0%5D%5Bkey%5D=floor"));
    assertEquals(
        Json.createArrayBuilder().add("zone").build(),
        owner.get(devices(app) + "/tagKeys").expect(200).object().getJsonArray("tagKeys"));

    JsonObject cleared =
        patch(app, id, "{\"description\":\"\",\"attributes\":[]}").expect(200).object();
    assertEquals("", cleared.getString("description"));
    assertEquals(0, cleared.getJsonArray("attributes").size());
    assertEquals(
        0,
        owner
            .get(devices(app) + "/attributeNames")
            .expect(200)
            .object()
            .getJsonArray("attributeNames")
            .size());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{}|the patch must change at least one of name, description, tags, attributes,"
            + " deviceClass, gatewayId",
        "{\"connectionInfo\":{}}|connectionInfo is not an allowed field",
        "{\"name\":\"\"}|name must be between 1 and 255 characters",
        "{\"name\":7}|name must be a string",
        "{\"tags\":[{\"key\":\"bad key\",\"value\":\"1\"}]}|tags[0].key must match"
            + " ^[0-9a-zA-Z_-]{1,255}$",
        "{\"deviceClass\":\"toaster\"}|deviceClass must be one of standalone, gateway,"
            + " peripheral, floating, virtual, edgeCompute, system, embedded",
        "{\"deviceClass\":\"peripheral\"}|gatewayId is required when deviceClass is peripheral",
        "{\"gatewayId\":\"575ec8687ae143cd83dc4a97\"}|gatewayId is only allowed when deviceClass"
            + " is peripheral"
      })
  void aRefusedPatchNamesTheFieldAndChangesNothing(String body, String message) {
    String app = app();
    String id = create(app, "{\"name\":\"steady\"}");
    JsonObject before = owner.get(device(app, id)).expect(200).object();
    assertEquals(message, patch(app, id, body).expectError(400, "Validation").message());
    assertEquals(before, owner.get(device(app, id)).expect(200).object());
  }

  @Test
  void theClassAndGatewayRulesHoldOnTheResult() {
    String app = app();
    String gateway = create(app, "{\"name\":\"gw\",\"deviceClass\":\"gateway\"}");
    String idle = create(app, "{\"name\":\"idle gw\",\"deviceClass\":\"gateway\"}");
    String plain = create(app, "{\"name\":\"plain\"}");
    String sensor = create(app, "{\"name\":\"sensor\"}");

    JsonObject peripheral =
        patch(app, sensor, "{\"deviceClass\":\"peripheral\",\"gatewayId\":\"" + gateway + "\"}")
            .expect(200)
            .object();
    assertEquals(gateway, peripheral.getString("gatewayId"));
    assertEquals(
        "gatewayId must name a device of class gateway in this application",
        patch(app, sensor, "{\"gatewayId\":\"" + plain + "\"}")
            .expectError(400, "Validation")
            .message());
    ApiResponse refused =
        patch(app, gateway, "{\"deviceClass\":\"standalone\"}").expectError(400, "Validation");
    assertTrue(refused.message().startsWith("deviceClass must stay gateway"), refused.message());
    assertEquals("gateway", owner.get(device(app, gateway)).object().getString("deviceClass"));
    // A gateway no peripheral names may change; a peripheral that changes class leaves its gateway.
    patch(app, idle, "{\"deviceClass\":\"standalone\"}").expect(200);
    JsonObject standalone =
        patch(app, sensor, "{\"deviceClass\":\"standalone\"}").expect(200).object();
    assertFalse(standalone.containsKey("gatewayId"));
    patch(app, gateway, "{\"deviceClass\":\"virtual\"}").expect(200);
  }

  // ---- If-Match

  @Test
  void aStaleIfMatchIsRefusedWith412AndChangesNothing() {
    String app = app();
    String id = create(app, "{\"name\":\"v0\"}");
    String first = owner.get(device(app, id)).expect(200).header("etag");
    String second =
        patch(app, id, "{\"name\":\"v1\"}", "If-Match", first).expect(200).header("etag");
    assertNotEquals(first, second);
    ApiResponse stale = patch(app, id, "{\"name\":\"v2\"}", "If-Match", first);
    stale.expectError(412, "PreconditionFailed");
    delete(app, id, "If-Match", first).expectError(412, "PreconditionFailed");
    delete(app, id, "If-Match", "W/" + second).expectError(412, "PreconditionFailed");
    JsonObject unchanged = owner.get(device(app, id)).expect(200).object();
    assertEquals("v1", unchanged.getString("name"));
    patch(app, id, "{\"name\":\"v2\"}", "If-Match", "*").expect(200);
    String third = owner.get(device(app, id)).header("etag");
    delete(app, id, "If-Match", third).expect(200);
    owner.get(device(app, id)).expectError(404, "NotFound");
  }

  // ---- Delete: gone from every selection

  @Test
  void aDeletedDeviceVanishesFromEverySelectionAndQueryDeletedListsIt() {
    String app = app();
    String kept = create(app, "{\"name\":\"kept\",\"tags\":[{\"key\":\"floor\",\"value\":\"8\"}]}");
    String gone =
        create(
            app,
            "{\"name\":\"gone\",\"tags\":[{\"key\":\"floor\",\"value\":\"8\"},"
                + "{\"key\":\"retired\",\"value\":\"yes\"}],"
                + "\"attributes\":[{\"name\":\"humidity\",\"dataType\":\"number\"}]}");
    assertEquals(2, owner.get(devices(app)).object().getInt("totalCount"));

    JsonObject deleted = delete(app, gone).expect(200).object();
    assertEquals(JsonValue.TRUE, deleted.get("success"));

    JsonObject list = owner.get(devices(app)).expect(200).object();
    assertEquals(1, list.getInt("totalCount"));
    assertEquals(Set.of(kept), listedIds(app, ""));
    assertEquals(Set.of(kept), listedIds(app, "?tagFilter%5B0%5D%5Bkey%5D=floor"));
    assertEquals(Set.of(kept), listedIds(app, "?query=" + encoded("{\"tags\":{\"floor\":\"8\"}}")));
    assertEquals(
        1,
        owner
            .get(devices(app) + "?query=" + encoded("{\"tags\":{\"floor\":\"8\"}}"))
            .object()
            .getInt("totalCount"));
    assertEquals(
        Json.createArrayBuilder().add("floor").build(),
        owner.get(devices(app) + "/tagKeys").object().getJsonArray("tagKeys"));
    assertEquals(
        Json.createArrayBuilder().add("8").build(),
        owner.get(devices(app) + "/tagValues").object().getJsonArray("tagValues"));
    assertEquals(
        0,
        owner.get(devices(app) + "/attributeNames").object().getJsonArray("attributeNames").size());
    JsonArray names =
        owner.get(devices(app) + "/deviceNames").object().getJsonArray("deviceSummary");
    assertEquals(1, names.size());
    assertEquals(kept, names.getJsonObject(0).getString("id"));

    // queryDeleted=true lists only the deleted ones, with deletedAt; deletedAt is a query key.
    JsonObject deletedList = owner.get(devices(app) + "?queryDeleted=true").expect(200).object();
    assertEquals(1, deletedList.getInt("totalCount"));
    JsonObject listed = deletedList.getJsonArray("items").getJsonObject(0);
    assertEquals(gone, listed.getString("id"));
    Instant deletedAt = Instant.parse(listed.getString("deletedAt"));
    assertEquals(
        Set.of(gone),
        listedIds(
            app,
            "?queryDeleted=true&query="
                + encoded("{\"deletedAt\":{\"$lte\":" + deletedAt.toEpochMilli() + "}}")));
    assertEquals(
        Set.of(),
        listedIds(
            app,
            "?queryDeleted=true&query="
                + encoded("{\"deletedAt\":{\"$gt\":" + deletedAt.toEpochMilli() + "}}")));
    assertEquals(
        Set.of(gone), listedIds(app, "?queryDeleted=true&tagFilter%5B0%5D%5Bkey%5D=retired"));

    // A command to the tag no longer selects it.
    String commandId =
        owner
            .post(
                devices(app) + "/command",
                "{\"name\":\"ping\",\"deviceTags\":[{\"key\":\"floor\"}]}")
            .expect(200)
            .object()
            .getString("commandId");
    JsonObject status = owner.get(devices(app) + "/commands/" + commandId).expect(200).object();
    assertEquals(1, status.getInt("targeted"));

    // An export started after the delete holds the live device only.
    String exportId =
        owner
            .post(devices(app) + "/export?format=ndjson&email=ops%40example.com", null)
            .expect(200)
            .object()
            .getString("exportId");
    JsonObject done =
        Awaits.until(
            "the export",
            WAIT,
            () -> {
              JsonObject s = owner.get(devices(app) + "/exports/" + exportId).object();
              return s.getString("state").equals("succeeded")
                  ? java.util.Optional.of(s)
                  : java.util.Optional.empty();
            });
    assertEquals(1, done.getInt("deviceCount"));
    String file = Exports.download(done.getString("url")).expect(200).body();
    assertTrue(file.contains(kept), file);
    assertFalse(file.contains(gone), file);
  }

  // ---- Send Command and Get Command

  @Test
  void sendCommandGoesThroughTheOutboxAndGetCommandReadsTheWindow() {
    String app = app();
    String id = create(app, "{\"name\":\"target\"}");
    String other = create(app, "{\"name\":\"other\"}");
    long t1 = 1_700_000_000_000L;
    String[] sent = new String[3];
    for (int i = 0; i < 3; i++) {
      JsonObject accepted =
          owner
              .post(
                  device(app, id) + "/command",
                  "{\"name\":\"c"
                      + i
                      + "\",\"payload\":{\"n\":"
                      + i
                      + "},\"time\":"
                      + (t1 + i * 1000)
                      + "}")
              .expect(200)
              .object();
      assertEquals(JsonValue.TRUE, accepted.get("success"));
      sent[i] = accepted.getString("commandId");
      JsonObject status = owner.get(devices(app) + "/commands/" + sent[i]).object();
      assertEquals(1, status.getInt("targeted"));
    }
    // A multi-device command reaches the device too; one to another device does not.
    owner
        .post(
            devices(app) + "/command",
            "{\"name\":\"all\",\"time\":"
                + (t1 + 5000)
                + ",\"deviceIds\":[\""
                + id
                + "\",\""
                + other
                + "\"]}")
        .expect(200);
    owner
        .post(
            device(app, other) + "/command",
            "{\"name\":\"elsewhere\",\"time\":" + (t1 + 6000) + "}")
        .expect(200);

    JsonArray newest = owner.get(device(app, id) + "/command").expect(200).json().asJsonArray();
    assertEquals(1, newest.size());
    assertEquals("all", newest.getJsonObject(0).getString("name"));

    JsonArray all =
        owner.get(device(app, id) + "/command?limit=10").expect(200).json().asJsonArray();
    assertEquals(List.of("all", "c2", "c1", "c0"), names(all));
    JsonObject c1 = all.getJsonObject(2);
    assertEquals(sent[1], c1.getString("commandId"));
    assertEquals(Json.createObjectBuilder().add("n", 1).build(), c1.getJsonObject("payload"));
    assertEquals(
        Instant.ofEpochMilli(t1 + 1000).toString().replace("Z", ".000Z"), c1.getString("time"));
    assertNotNull(c1.getString("state"));

    assertEquals(
        List.of("c0", "c1"),
        names(
            owner
                .get(
                    device(app, id)
                        + "/command?limit=10&sortDirection=asc&start="
                        + t1
                        + "&end="
                        + (t1 + 1000))
                .json()
                .asJsonArray()));
    assertEquals(
        List.of("c2", "c1"),
        names(
            owner
                .get(device(app, id) + "/command?limit=10&end=" + (t1 + 2000) + "&duration=1000")
                .json()
                .asJsonArray()));
    assertEquals(
        List.of("all", "c2"),
        names(
            owner
                .get(device(app, id) + "/command?limit=10&since=" + (t1 + 2000))
                .json()
                .asJsonArray()));

    assertEquals(
        "limit must be between 1 and 1000",
        owner
            .get(device(app, id) + "/command?limit=1001")
            .expectError(400, "Validation")
            .message());
    owner.get(device(app, id) + "/command?sortDirection=up").expectError(400, "Validation");
    owner.get(device(app, id) + "/command?start=x").expectError(400, "Validation");
    assertEquals(
        "deviceIds is not an allowed field",
        owner
            .post(device(app, id) + "/command", "{\"name\":\"x\",\"deviceIds\":[]}")
            .expectError(400, "Validation")
            .message());
    owner.post(device(app, id) + "/command", "{}").expectError(400, "Validation");
  }

  private static List<String> names(JsonArray entries) {
    return entries.stream().map(e -> e.asJsonObject().getString("name")).toList();
  }
}
