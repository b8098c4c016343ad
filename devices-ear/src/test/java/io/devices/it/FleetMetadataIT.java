package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fleet-metadata endpoints (docs/api.md, "Fleet metadata") on a small fleet with case and
 * unicode variants: each list with and without {@code query}, {@code startsWith}, {@code key} and
 * {@code dataType}, the order and de-duplication, the 400s and the 404. Their scope table is in
 * {@link ScopeMatrixIT}; more than 1,000 entries and the SQL are held to an in-memory computation
 * by the core's {@code FleetMetadataSqlTest}.
 */
@ExtendWith(ArquillianExtension.class)
class FleetMetadataIT {
  private static final String UNKNOWN_APPLICATION = "575ec8687ae143cd83dc4a97";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private static Api owner;
  private static String app;
  private static String pumpA;
  private static String pumpB;
  private static String apfel;
  private static String zeta;

  @BeforeAll
  static void createFleet() {
    owner = Api.owner();
    Fixtures fixtures = new Fixtures(owner);
    app = fixtures.application("fleet-metadata-" + UUID.randomUUID());
    pumpA =
        fixtures
            .device(
                app,
                "{\"name\":\"Pump A\",\"tags\":[{\"key\":\"floor\",\"value\":\"8\"},"
                    + "{\"key\":\"kind\",\"value\":\"Lamp\"}],\"attributes\":["
                    + "{\"name\":\"temp\",\"dataType\":\"number\"},"
                    + "{\"name\":\"gps\",\"dataType\":\"gps\"}]}")
            .getString("id");
    pumpB =
        fixtures
            .device(
                app,
                "{\"name\":\"pump b\",\"deviceClass\":\"gateway\",\"tags\":["
                    + "{\"key\":\"floor\",\"value\":\"9\"},{\"key\":\"Floor\",\"value\":\"Äpfel\"},"
                    + "{\"key\":\"floor\",\"value\":\"8\"}],\"attributes\":["
                    + "{\"name\":\"temp\",\"dataType\":\"number\"},"
                    + "{\"name\":\"status\",\"dataType\":\"string\"}]}")
            .getString("id");
    apfel =
        fixtures
            .device(
                app,
                "{\"name\":\"Äpfel sensor\",\"deviceClass\":\"virtual\",\"tags\":["
                    + "{\"key\":\"zone\",\"value\":\"äpfel\"},{\"key\":\"floor\",\"value\":\"8\"}],"
                    + "\"attributes\":[{\"name\":\"humidity\",\"dataType\":\"number\"},"
                    + "{\"name\":\"on\",\"dataType\":\"boolean\"}]}")
            .getString("id");
    zeta = fixtures.device(app, "{\"name\":\"zeta\"}").getString("id");
    String other = fixtures.application("fleet-metadata-other-" + UUID.randomUUID());
    fixtures.device(
        other,
        "{\"name\":\"Pump other\",\"tags\":[{\"key\":\"elsewhere\",\"value\":\"8x\"}],"
            + "\"attributes\":[{\"name\":\"elsewhere\",\"dataType\":\"number\"}]}");
  }

  // ---- tag keys

  @Test
  void tagKeysAreSortedWithoutDuplicatesAndOnlyOfTheApplication() {
    assertEquals(List.of("Floor", "floor", "kind", "zone"), list("tagKeys", "", "tagKeys"));
  }

  @Test
  void tagKeysStartWithAPrefixCaseInsensitively() {
    assertEquals(List.of("Floor", "floor"), list("tagKeys", "?startsWith=FL", "tagKeys"));
    assertEquals(List.of("zone"), list("tagKeys", "?startsWith=z", "tagKeys"));
    assertEquals(List.of(), list("tagKeys", "?startsWith=x", "tagKeys"));
  }

  @Test
  void tagKeysOfTheDevicesAQuerySelects() {
    assertEquals(
        List.of("Floor", "floor"),
        list("tagKeys", "?query=" + encode("{\"deviceClass\":\"gateway\"}"), "tagKeys"));
    assertEquals(
        List.of("floor"),
        list(
            "tagKeys",
            "?startsWith=f&query=" + encode("{\"name\":{\"$startsWith\":\"Pump\"}}"),
            "tagKeys"));
    assertEquals(
        List.of(), list("tagKeys", "?query=" + encode("{\"id\":\"" + zeta + "\"}"), "tagKeys"));
    assertEquals(
        List.of("Floor", "floor", "kind", "zone"), list("tagKeys", "?query=%7B%7D", "tagKeys"));
  }

  // ---- tag values

  @Test
  void tagValuesUnderEveryKeyHaveNoTagKey() {
    JsonObject answer = get("tagValues", "").expect(200).object();
    assertFalse(answer.containsKey("tagKey"), answer.toString());
    assertEquals(List.of("8", "9", "Lamp", "Äpfel", "äpfel"), strings(answer, "tagValues"));
  }

  @Test
  void tagValuesUnderOneKeyNameIt() {
    JsonObject answer = get("tagValues", "?key=floor").expect(200).object();
    assertEquals("floor", answer.getString("tagKey"));
    assertEquals(List.of("8", "9"), strings(answer, "tagValues"));
    assertEquals(List.of("Äpfel"), list("tagValues", "?key=Floor", "tagValues"));
    assertEquals(List.of(), list("tagValues", "?key=nokey", "tagValues"));
  }

  @Test
  void tagValuesStartWithAUnicodePrefixCaseInsensitively() {
    assertEquals(List.of("Äpfel", "äpfel"), list("tagValues", "?startsWith=%C3%A4", "tagValues"));
    assertEquals(List.of("Äpfel", "äpfel"), list("tagValues", "?startsWith=%C3%84P", "tagValues"));
    assertEquals(List.of("Lamp"), list("tagValues", "?startsWith=l", "tagValues"));
    assertEquals(List.of("Äpfel"), list("tagValues", "?key=Floor&startsWith=%C3%A4", "tagValues"));
    assertEquals(List.of(), list("tagValues", "?startsWith=%25", "tagValues"));
  }

  @Test
  void tagValuesOfTheDevicesAQuerySelects() {
    assertEquals(
        List.of("8"),
        list(
            "tagValues",
            "?key=floor&query="
                + encode("{\"deviceClass\":{\"$in\":[\"virtual\",\"standalone\"]}}"),
            "tagValues"));
    assertEquals(
        List.of("8", "9", "Äpfel"),
        list(
            "tagValues",
            "?query=" + encode("{\"$or\":[{\"tags\":{\"Floor\":null}},{\"id\":\"" + zeta + "\"}]}"),
            "tagValues"));
  }

  // ---- attribute names

  @Test
  void attributeNamesOfEveryTypeOrOfSome() {
    assertEquals(
        List.of("gps", "humidity", "on", "status", "temp"),
        list("attributeNames", "", "attributeNames"));
    assertEquals(
        List.of("humidity", "temp"), list("attributeNames", "?dataType=number", "attributeNames"));
    assertEquals(
        List.of("gps", "on"),
        list("attributeNames", "?dataType%5B0%5D=gps&dataType%5B1%5D=boolean", "attributeNames"));
    assertEquals(
        List.of("gps", "on", "status"),
        list("attributeNames", "?dataType=gps&dataType=boolean&dataType=string", "attributeNames"));
  }

  @Test
  void attributeNamesStartWithAPrefixAndFollowTheQuery() {
    assertEquals(List.of("temp"), list("attributeNames", "?startsWith=TE", "attributeNames"));
    assertEquals(
        List.of("humidity", "on"),
        list(
            "attributeNames",
            "?query=" + encode("{\"deviceClass\":\"virtual\"}"),
            "attributeNames"));
    assertEquals(
        List.of("humidity"),
        list(
            "attributeNames",
            "?dataType=number&query=" + encode("{\"attributeName\":\"on\"}"),
            "attributeNames"));
  }

  // ---- device names

  @Test
  void deviceNamesAreSortedByNameCaseInsensitively() {
    JsonArray devices = get("deviceNames", "").expect(200).object().getJsonArray("deviceSummary");
    assertEquals(
        List.of(
            summary(pumpA, "Pump A", "standalone"),
            summary(pumpB, "pump b", "gateway"),
            summary(zeta, "zeta", "standalone"),
            summary(apfel, "Äpfel sensor", "virtual")),
        devices.getValuesAs(JsonObject.class));
  }

  @Test
  void deviceNamesStartWithAPrefixAndFollowTheQuery() {
    assertEquals(List.of(pumpA, pumpB), ids("?startsWith=PUMP"));
    assertEquals(List.of(apfel), ids("?startsWith=%C3%A4"));
    assertEquals(List.of(pumpB), ids("?query=" + encode("{\"deviceClass\":\"gateway\"}")));
    assertEquals(
        List.of(pumpA), ids("?startsWith=p&query=" + encode("{\"tags\":{\"kind\":\"Lamp\"}}")));
  }

  // ---- the paths, the 400s and the 404

  @Test
  void theLiteralPathsAreNotTakenForADeviceId() {
    owner.get(devices(app) + "/tagkeys").expectError(400, "Validation");
    assertEquals(
        "deviceId must be a 24 character hex id",
        owner.get(devices(app) + "/deviceNAMES").expectError(400, "Validation").message());
    owner.get(devices(app) + "/" + pumpA).expect(200);
  }

  @ParameterizedTest(name = "{0}: a malformed query names its path")
  @ValueSource(strings = {"tagKeys", "tagValues", "attributeNames", "deviceNames"})
  void aBadQueryIsRefusedNamingItsPath(String endpoint) {
    assertEquals(
        "query.$or[1].name.$startsWith must be a non-empty string",
        get(
                endpoint,
                "?query="
                    + encode("{\"$or\":[{\"name\":\"x\"},{\"name\":{\"$startsWith\":\"\"}}]}"))
            .expectError(400, "Validation")
            .message());
    get(endpoint, "?query=" + encode("{\"name\":")).expectError(400, "Validation");
    get(endpoint, "?query=" + encode("[]")).expectError(400, "Validation");
    assertEquals(
        "startsWith must be between 1 and 255 characters",
        get(endpoint, "?startsWith=" + "x".repeat(256)).expectError(400, "Validation").message());
  }

  @Test
  void aBadDataTypeIsRefused() {
    assertEquals(
        "dataType must be one of string, number, gps, boolean",
        get("attributeNames", "?dataType=text").expectError(400, "Validation").message());
    assertEquals(
        "dataType[1] must be one of string, number, gps, boolean",
        get("attributeNames", "?dataType%5B0%5D=gps&dataType%5B1%5D=Number")
            .expectError(400, "Validation")
            .message());
    assertEquals(
        "dataType must be given as dataType or dataType[N], not dataTypes",
        get("attributeNames", "?dataTypes=gps").expectError(400, "Validation").message());
  }

  @Test
  void aBadKeyIsRefused() {
    assertEquals(
        "key must match ^[0-9a-zA-Z_-]{1,255}$",
        get("tagValues", "?key=bad%20key").expectError(400, "Validation").message());
  }

  @ParameterizedTest(name = "{0} of an unknown application is a 404")
  @ValueSource(strings = {"tagKeys", "tagValues", "attributeNames", "deviceNames"})
  void anUnknownApplicationIsNotFound(String endpoint) {
    assertEquals(
        "Application was not found",
        owner
            .get(devices(UNKNOWN_APPLICATION) + "/" + endpoint)
            .expectError(404, "NotFound")
            .message());
    // the request's own shape first
    owner
        .get(devices(UNKNOWN_APPLICATION) + "/" + endpoint + "?query=%7B")
        .expectError(400, "Validation");
  }

  // ---- helpers

  private static ApiResponse get(String endpoint, String query) {
    return owner.get(devices(app) + "/" + endpoint + query);
  }

  private static List<String> list(String endpoint, String query, String field) {
    return strings(get(endpoint, query).expect(200).object(), field);
  }

  private static List<String> strings(JsonObject answer, String field) {
    return answer.getJsonArray(field).getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  private static List<String> ids(String query) {
    return get("deviceNames", query).expect(200).object().getJsonArray("deviceSummary").stream()
        .map(d -> d.asJsonObject().getString("id"))
        .toList();
  }

  private static JsonObject summary(String id, String name, String deviceClass) {
    return jakarta.json.Json.createObjectBuilder()
        .add("id", id)
        .add("name", name)
        .add("deviceClass", deviceClass)
        .build();
  }

  private static String encode(String json) {
    return URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String devices(String application) {
    return "/applications/" + application + "/devices";
  }
}
