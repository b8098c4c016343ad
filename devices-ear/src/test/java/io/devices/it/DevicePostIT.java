package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.api.DevicePost;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Post /applications/{id}/devices (docs/api.md, "Create a device"): every validation rule over HTTP
 * with the exact message naming the field, nothing created by a rejected request, the 201 with its
 * Location, and the order of the checks (401, 403, 400 shape, 404, 400 database rules).
 */
@ExtendWith(ArquillianExtension.class)
class DevicePostIT {
  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private static final String UNKNOWN_APP = "575ec8687ae143cd83dc4a97";
  private static final String UNKNOWN_DEVICE = "575ec8687ae143cd83dc4a98";
  private static final String EMOJI = "😀";
  private static final String KEY_RULE = " must match ^[0-9a-zA-Z_-]{1,255}$";
  private static final String CLASS_RULE =
      "deviceClass must be one of standalone, gateway, peripheral, floating, virtual,"
          + " edgeCompute, system, embedded";
  private static final String DATA_TYPE_RULE = " must be one of string, number, gps, boolean";
  private static final String GATEWAY_RULE =
      "gatewayId must name a device of class gateway in this application";

  private static Api owner;
  private static Fixtures fixtures;
  private static String app;
  private static String devices;
  private static String gateway;
  private static String standalone;
  private static String otherAppGateway;

  @BeforeAll
  static void createApplicationsAndGateways() {
    owner = Api.owner();
    fixtures = new Fixtures(owner);
    app = fixtures.application("device-post-it");
    devices = "/applications/" + app + "/devices";
    gateway = fixtures.device(app, aGateway()).id();
    standalone = fixtures.namedDevice(app, "plain").id();
    String other = fixtures.application("device-post-it-other");
    otherAppGateway = fixtures.device(other, aGateway()).id();
  }

  private static DevicePost aGateway() {
    return new DevicePost("gw", null, null, null, "gateway", null);
  }

  // ---------------------------------------------------------------------------------------------
  // Validation: each body is a 400 naming the field, and creates nothing

  static Stream<Arguments> invalidBodies() {
    String s256 = "n".repeat(256);
    return Stream.of(
        // name
        Arguments.of("name missing", "{}", "name is required"),
        Arguments.of("name null", "{\"name\":null}", "name is required"),
        Arguments.of("name empty", "{\"name\":\"\"}", "name must be between 1 and 255 characters"),
        Arguments.of(
            "name 256 characters",
            "{\"name\":\"" + s256 + "\"}",
            "name must be between 1 and 255 characters"),
        Arguments.of(
            "name 256 emoji",
            "{\"name\":\"" + EMOJI.repeat(256) + "\"}",
            "name must be between 1 and 255 characters"),
        Arguments.of("name a number", "{\"name\":5}", "name must be a string"),
        Arguments.of("name a boolean", "{\"name\":true}", "name must be a string"),
        Arguments.of("name an object", "{\"name\":{}}", "name must be a string"),
        Arguments.of("name an array", "{\"name\":[\"a\"]}", "name must be a string"),
        // description
        Arguments.of(
            "description 32768 characters",
            "{\"name\":\"d\",\"description\":\"" + "d".repeat(32768) + "\"}",
            "description must be at most 32767 characters"),
        Arguments.of(
            "description a number",
            "{\"name\":\"d\",\"description\":5}",
            "description must be a string"),
        Arguments.of(
            "description an array",
            "{\"name\":\"d\",\"description\":[\"x\"]}",
            "description must be a string"),
        // tags
        Arguments.of("tags an object", "{\"name\":\"t\",\"tags\":{}}", "tags must be an array"),
        Arguments.of("tags a string", "{\"name\":\"t\",\"tags\":\"a\"}", "tags must be an array"),
        Arguments.of(
            "tag entry a string", "{\"name\":\"t\",\"tags\":[\"a\"]}", "tags[0] must be an object"),
        Arguments.of(
            "tag entry an array",
            "{\"name\":\"t\",\"tags\":[{\"key\":\"k\",\"value\":\"v\"},[]]}",
            "tags[1] must be an object"),
        Arguments.of(
            "tag key missing",
            "{\"name\":\"t\",\"tags\":[{\"value\":\"v\"}]}",
            "tags[0].key is required"),
        Arguments.of(
            "tag key with a space",
            "{\"name\":\"t\",\"tags\":[{\"key\":\"a b\",\"value\":\"v\"}]}",
            "tags[0].key" + KEY_RULE),
        Arguments.of(
            "tag key empty",
            "{\"name\":\"t\",\"tags\":[{\"key\":\"\",\"value\":\"v\"}]}",
            "tags[0].key" + KEY_RULE),
        Arguments.of(
            "tag key 256 characters",
            "{\"name\":\"t\",\"tags\":[{\"key\":\"" + "k".repeat(256) + "\",\"value\":\"v\"}]}",
            "tags[0].key" + KEY_RULE),
        Arguments.of(
            "tag key non-ASCII",
            "{\"name\":\"t\",\"tags\":[{\"key\":\"flöor\",\"value\":\"v\"}]}",
            "tags[0].key" + KEY_RULE),
        Arguments.of(
            "tag key a number",
            "{\"name\":\"t\",\"tags\":[{\"key\":1,\"value\":\"v\"}]}",
            "tags[0].key must be a string"),
        Arguments.of(
            "tag value missing, second entry",
            "{\"name\":\"t\",\"tags\":[{\"key\":\"k\",\"value\":\"v\"},{\"key\":\"k\"}]}",
            "tags[1].value is required"),
        Arguments.of(
            "tag value empty",
            "{\"name\":\"t\",\"tags\":[{\"key\":\"k\",\"value\":\"\"}]}",
            "tags[0].value must be between 1 and 255 characters"),
        Arguments.of(
            "tag value 256 characters",
            "{\"name\":\"t\",\"tags\":[{\"key\":\"k\",\"value\":\"" + s256 + "\"}]}",
            "tags[0].value must be between 1 and 255 characters"),
        Arguments.of(
            "tag value a number",
            "{\"name\":\"t\",\"tags\":[{\"key\":\"k\",\"value\":8}]}",
            "tags[0].value must be a string"),
        Arguments.of(
            "tag with an unknown field",
            "{\"name\":\"t\",\"tags\":[{\"key\":\"k\",\"value\":\"v\",\"color\":\"red\"}]}",
            "tags[0].color is not an allowed field"),
        // attributes
        Arguments.of(
            "attributes an object",
            "{\"name\":\"a\",\"attributes\":{}}",
            "attributes must be an array"),
        Arguments.of(
            "attribute entry a number",
            "{\"name\":\"a\",\"attributes\":[1]}",
            "attributes[0] must be an object"),
        Arguments.of(
            "attribute name missing",
            "{\"name\":\"a\",\"attributes\":[{\"dataType\":\"string\"}]}",
            "attributes[0].name is required"),
        Arguments.of(
            "attribute name with a dot",
            "{\"name\":\"a\",\"attributes\":[{\"name\":\"a.b\",\"dataType\":\"string\"}]}",
            "attributes[0].name" + KEY_RULE),
        Arguments.of(
            "attribute name empty",
            "{\"name\":\"a\",\"attributes\":[{\"name\":\"\",\"dataType\":\"string\"}]}",
            "attributes[0].name" + KEY_RULE),
        Arguments.of(
            "attribute names duplicated",
            "{\"name\":\"a\",\"attributes\":[{\"name\":\"t\",\"dataType\":\"string\"},"
                + "{\"name\":\"t\",\"dataType\":\"number\"}]}",
            "attributes[1].name must be unique within the device: t"),
        Arguments.of(
            "attribute dataType missing",
            "{\"name\":\"a\",\"attributes\":[{\"name\":\"t\"}]}",
            "attributes[0].dataType is required"),
        Arguments.of(
            "attribute dataType unknown",
            "{\"name\":\"a\",\"attributes\":[{\"name\":\"t\",\"dataType\":\"float\"}]}",
            "attributes[0].dataType" + DATA_TYPE_RULE),
        Arguments.of(
            "attribute dataType wrong case",
            "{\"name\":\"a\",\"attributes\":[{\"name\":\"t\",\"dataType\":\"Boolean\"}]}",
            "attributes[0].dataType" + DATA_TYPE_RULE),
        Arguments.of(
            "attribute dataType a number",
            "{\"name\":\"a\",\"attributes\":[{\"name\":\"t\",\"dataType\":1}]}",
            "attributes[0].dataType must be a string"),
        Arguments.of(
            "attribute with an unknown field",
            "{\"name\":\"a\",\"attributes\":[{\"name\":\"t\",\"dataType\":\"gps\",\"unit\":\"m\"}]}",
            "attributes[0].unit is not an allowed field"),
        // deviceClass
        Arguments.of(
            "deviceClass unknown", "{\"name\":\"c\",\"deviceClass\":\"robot\"}", CLASS_RULE),
        Arguments.of(
            "deviceClass wrong case", "{\"name\":\"c\",\"deviceClass\":\"Gateway\"}", CLASS_RULE),
        Arguments.of(
            "deviceClass a number",
            "{\"name\":\"c\",\"deviceClass\":1}",
            "deviceClass must be a string"),
        // gatewayId rules that need no database
        Arguments.of(
            "peripheral without gatewayId",
            "{\"name\":\"p\",\"deviceClass\":\"peripheral\"}",
            "gatewayId is required when deviceClass is peripheral"),
        Arguments.of(
            "gatewayId on a default (standalone) device",
            "{\"name\":\"p\",\"gatewayId\":\"" + UNKNOWN_DEVICE + "\"}",
            "gatewayId is only allowed when deviceClass is peripheral"),
        Arguments.of(
            "gatewayId on a gateway",
            "{\"name\":\"p\",\"deviceClass\":\"gateway\",\"gatewayId\":\"" + UNKNOWN_DEVICE + "\"}",
            "gatewayId is only allowed when deviceClass is peripheral"),
        Arguments.of(
            "gatewayId malformed",
            "{\"name\":\"p\",\"deviceClass\":\"peripheral\",\"gatewayId\":\"not-an-id\"}",
            "gatewayId must be a 24 character hex id"),
        Arguments.of(
            "gatewayId 25 hex",
            "{\"name\":\"p\",\"deviceClass\":\"peripheral\",\"gatewayId\":\""
                + UNKNOWN_DEVICE
                + "0\"}",
            "gatewayId must be a 24 character hex id"),
        Arguments.of(
            "gatewayId a number",
            "{\"name\":\"p\",\"deviceClass\":\"peripheral\",\"gatewayId\":123}",
            "gatewayId must be a string"),
        // fields beyond the schema
        Arguments.of(
            "unknown top-level field",
            "{\"name\":\"u\",\"color\":\"red\"}",
            "color is not an allowed field"),
        Arguments.of(
            "id is not accepted",
            "{\"name\":\"u\",\"id\":\"" + UNKNOWN_DEVICE + "\"}",
            "id is not an allowed field"),
        Arguments.of(
            "connectionInfo is not accepted",
            "{\"name\":\"u\",\"connectionInfo\":{\"connected\":1}}",
            "connectionInfo is not an allowed field"),
        Arguments.of(
            "an unknown field without a name", "{\"Name\":\"u\"}", "Name is not an allowed field"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidBodies")
  void anInvalidBodyIsRejectedNamingTheFieldAndCreatesNothing(
      String label, String body, String message) {
    assertRejected(body, message);
  }

  @Test
  void gatewayRulesThatNeedTheDatabaseAreValidationErrors() {
    assertAll(
        () -> assertRejected(peripheralOf(UNKNOWN_DEVICE), GATEWAY_RULE),
        () -> assertRejected(peripheralOf(standalone), GATEWAY_RULE),
        () -> assertRejected(peripheralOf(otherAppGateway), GATEWAY_RULE));
  }

  @Test
  void aPeripheralOfAGatewayOfTheApplicationIsCreatedWithItsGatewayId() {
    JsonObject device = created(peripheralOf(gateway));
    assertEquals("peripheral", device.getString("deviceClass"));
    assertEquals(gateway, device.getString("gatewayId"));
    assertEquals(device, owner.get(devices + "/" + device.getString("id")).expect(200).object());
  }

  @Test
  void aPeripheralOfAPeripheralIsRejected() {
    String peripheral = created(peripheralOf(gateway)).getString("id");
    assertRejected(peripheralOf(peripheral), GATEWAY_RULE);
  }

  // ---------------------------------------------------------------------------------------------
  // Created devices

  @Test
  void aMinimalBodyGetsTheDefaults() {
    ApiResponse response = owner.post(devices, "{\"name\":\"minimal\"}").expect(201);
    JsonObject device = response.object();
    String id = device.getString("id");
    JsonObject connection = device.getJsonObject("connectionInfo");
    assertAll(
        () -> assertTrue(WireFormats.HEX_ID.matcher(id).matches(), id),
        () -> assertEquals(id, device.getString("deviceId")),
        () -> assertEquals(app, device.getString("applicationId")),
        () -> assertEquals("minimal", device.getString("name")),
        () -> assertEquals("", device.getString("description")),
        () -> assertEquals(JsonArray.EMPTY_JSON_ARRAY, device.getJsonArray("tags")),
        () -> assertEquals(JsonArray.EMPTY_JSON_ARRAY, device.getJsonArray("attributes")),
        () -> assertEquals("standalone", device.getString("deviceClass")),
        () -> assertFalse(device.containsKey("gatewayId"), device.toString()),
        () ->
            assertTrue(WireFormats.ISO_MILLIS.matcher(device.getString("creationDate")).matches()),
        () -> assertTrue(WireFormats.ISO_MILLIS.matcher(device.getString("lastUpdated")).matches()),
        () -> assertEquals(0, connection.getInt("connected")),
        () -> assertEquals(device.getString("creationDate"), connection.getString("time")),
        () -> assertTrue(response.header("content-type").startsWith("application/json")));
  }

  @Test
  void theLocationNamesTheNewDeviceAndGetReturnsIt() {
    ApiResponse response = owner.post(devices, "{\"name\":\"located\"}").expect(201);
    JsonObject device = response.object();
    String location = response.header("location");
    assertNotNull(location, "Location header");
    String path = "/applications/" + app + "/devices/" + device.getString("id");
    assertTrue(location.endsWith(path), location);
    assertEquals(device, owner.get(URI.create(location).getRawPath()).expect(200).object());
  }

  @Test
  void everyFieldIsKeptAsGiven() {
    JsonObject body =
        Json.createObjectBuilder()
            .add("name", "Full — ü 日本 🚀")
            .add("description", "a description\nwith two lines")
            .add(
                "tags",
                Json.createArrayBuilder()
                    .add(tag("floor", "8"))
                    .add(tag("room", "b-12"))
                    .add(tag("floor", "9"))
                    .add(tag("Z_z-9", "ü 🚀")))
            .add(
                "attributes",
                Json.createArrayBuilder()
                    .add(attribute("temp", "number"))
                    .add(attribute("where", "gps"))
                    .add(attribute("on", "boolean"))
                    .add(attribute("label", "string"))
                    .add(attribute("Temp", "string")))
            .add("deviceClass", "floating")
            .build();
    JsonObject device = created(body.toString());
    assertAll(
        () -> assertEquals(body.getString("name"), device.getString("name")),
        () -> assertEquals(body.getString("description"), device.getString("description")),
        () -> assertEquals(body.getJsonArray("tags"), device.getJsonArray("tags")),
        () -> assertEquals(body.getJsonArray("attributes"), device.getJsonArray("attributes")),
        () -> assertEquals("floating", device.getString("deviceClass")));
    assertEquals(device, owner.get(devices + "/" + device.getString("id")).expect(200).object());
  }

  @ParameterizedTest(name = "deviceClass={0}")
  @ValueSource(
      strings = {
        "standalone",
        "gateway",
        "floating",
        "virtual",
        "edgeCompute",
        "system",
        "embedded"
      })
  void everyDeviceClassButPeripheralIsCreatedWithoutAGatewayAndListed(String deviceClass) {
    String name = "class-" + deviceClass;
    JsonObject device =
        created(
            Json.createObjectBuilder()
                .add("name", name)
                .add("deviceClass", deviceClass)
                .build()
                .toString());
    assertEquals(deviceClass, device.getString("deviceClass"));
    assertFalse(device.containsKey("gatewayId"));
    JsonArray listed =
        owner.get(devices + "?filter=" + name).expect(200).object().getJsonArray("items");
    assertEquals(List.of(device), listed);
  }

  static Stream<Arguments> limitsThatAreAccepted() {
    return Stream.of(
        Arguments.of("name of 255 characters", body("n".repeat(255))),
        Arguments.of("name of 255 emoji (code points)", body(EMOJI.repeat(255))),
        Arguments.of("name of 1 character", body("x")),
        Arguments.of(
            "description of 32767 characters", body("d").add("description", "d".repeat(32767))),
        Arguments.of(
            "description of 32767 emoji", body("d").add("description", EMOJI.repeat(32767))),
        Arguments.of("empty description", body("d").add("description", "")),
        Arguments.of(
            "tag key of 255 characters and value of 255 emoji",
            body("t")
                .add(
                    "tags",
                    Json.createArrayBuilder().add(tag("k".repeat(255), EMOJI.repeat(255))))),
        Arguments.of(
            "attribute name of 255 characters",
            body("a")
                .add(
                    "attributes",
                    Json.createArrayBuilder().add(attribute("a".repeat(255), "string")))),
        Arguments.of(
            "empty tags and attributes",
            body("e")
                .add("tags", Json.createArrayBuilder())
                .add("attributes", Json.createArrayBuilder())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("limitsThatAreAccepted")
  void valuesAtTheLimitsAreAccepted(String label, JsonObjectBuilder builder) {
    JsonObject body = builder.build();
    JsonObject device = created(body.toString());
    assertEquals(body.getString("name"), device.getString("name"));
    assertEquals(body.getString("description", ""), device.getString("description"));
    assertEquals(body.getOrDefault("tags", JsonArray.EMPTY_JSON_ARRAY), device.get("tags"));
    assertEquals(
        body.getOrDefault("attributes", JsonArray.EMPTY_JSON_ARRAY), device.get("attributes"));
  }

  // ---------------------------------------------------------------------------------------------
  // Order of the checks: 401, 403, 400 (shape), 404, 400 (database rules)

  @Test
  void withoutATokenABadBodyIsUnauthorized() {
    Api anonymous = owner.withToken(null);
    anonymous.post(devices, "{\"color\":1}").expectError(401, "Unauthorized");
    anonymous.post(devices, "{\"name\":").expectError(401, "Unauthorized");
    owner.withToken("not-a-token").post(devices, "{\"color\":1}").expectError(401, "Unauthorized");
    anonymous.post(devicesOf(UNKNOWN_APP), "{\"color\":1}").expectError(401, "Unauthorized");
  }

  @ParameterizedTest(name = "scope {0}")
  @ValueSource(
      strings = {
        "devices.get",
        "all.Application.read",
        "all.Device",
        "devices.export",
        "devices.sendCommand",
        "application.*"
      })
  void aTokenWithoutAPostScopeIsForbiddenEvenWithABadBody(String scope) {
    Api token = fixtures.as(app, scope);
    token.post(devices, "{\"color\":1}").expectError(403, "Forbidden");
    token.post(devices, "{\"name\":\"ok\"}").expectError(403, "Forbidden");
  }

  @ParameterizedTest(name = "scope {0}")
  @ValueSource(strings = {"devices.post", "devices.*", "all.Application"})
  void aTokenWithAPostScopeCreates(String scope) {
    fixtures.as(app, scope).post(devices, "{\"name\":\"by " + scope + "\"}").expect(201);
  }

  @Test
  void aTokenOfAnotherApplicationIsForbiddenEvenWithABadBody() {
    String other = fixtures.application();
    Api token = fixtures.as(other, "devices.post");
    token.post(devices, "{\"color\":1}").expectError(403, "Forbidden");
    token.post(devices, "{\"name\":\"ok\"}").expectError(403, "Forbidden");
  }

  @Test
  void aBadBodyOnAnUnknownApplicationIsAValidationError() {
    assertEquals(
        "name must be between 1 and 255 characters",
        owner
            .post(devicesOf(UNKNOWN_APP), "{\"name\":\"\"}")
            .expectError(400, "Validation")
            .message());
    assertEquals(
        "color is not an allowed field",
        owner
            .post(devicesOf(UNKNOWN_APP), "{\"name\":\"a\",\"color\":1}")
            .expectError(400, "Validation")
            .message());
    assertEquals(
        "gatewayId is required when deviceClass is peripheral",
        owner
            .post(devicesOf(UNKNOWN_APP), "{\"name\":\"p\",\"deviceClass\":\"peripheral\"}")
            .expectError(400, "Validation")
            .message());
  }

  @Test
  void aValidBodyOnAnUnknownApplicationIsNotFound() {
    assertEquals(
        "Application was not found",
        owner
            .post(devicesOf(UNKNOWN_APP), "{\"name\":\"ok\"}")
            .expectError(404, "NotFound")
            .message());
  }

  @Test
  void anUnknownApplicationIsNotFoundBeforeTheGatewayIsLookedUp() {
    assertEquals(
        "Application was not found",
        owner
            .post(devicesOf(UNKNOWN_APP), peripheralOf(UNKNOWN_DEVICE))
            .expectError(404, "NotFound")
            .message());
  }

  @Test
  void aMalformedApplicationIdIsAValidationError() {
    assertEquals(
        "applicationId must be a 24 character hex id",
        owner
            .post(devicesOf("not-an-id"), "{\"name\":\"ok\"}")
            .expectError(400, "Validation")
            .message());
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** Posts the body, expects the 400 and its message, and checks the device count is unchanged. */
  private static void assertRejected(String body, String message) {
    long before = deviceCount();
    long matchingBefore = matchingDeviceCount();
    ApiResponse response = owner.post(devices, body).expectError(400, "Validation");
    assertEquals(message, response.message());
    assertEquals(before, deviceCount(), "a rejected device is not counted");
    assertEquals(matchingBefore, matchingDeviceCount(), "a rejected device is not stored");
  }

  private static JsonObject created(String body) {
    long before = deviceCount();
    JsonObject device = owner.post(devices, body).expect(201).object();
    assertEquals(before + 1, deviceCount());
    return device;
  }

  /** The application's device count as an unfiltered list reports it. */
  private static long deviceCount() {
    return owner
        .get(devices + "?perPage=1")
        .expect(200)
        .object()
        .getJsonNumber("totalCount")
        .longValue();
  }

  /** The number of stored devices matching "*": counted from the devices themselves. */
  private static long matchingDeviceCount() {
    return owner
        .get(devices + "?perPage=1&filter=*")
        .expect(200)
        .object()
        .getJsonNumber("totalCount")
        .longValue();
  }

  private static String devicesOf(String applicationId) {
    return "/applications/" + applicationId + "/devices";
  }

  private static String peripheralOf(String gatewayId) {
    return "{\"name\":\"periph\",\"deviceClass\":\"peripheral\",\"gatewayId\":\""
        + gatewayId
        + "\"}";
  }

  private static JsonObjectBuilder body(String name) {
    return Json.createObjectBuilder().add("name", name);
  }

  private static JsonObjectBuilder tag(String key, String value) {
    return Json.createObjectBuilder().add("key", key).add("value", value);
  }

  private static JsonObjectBuilder attribute(String name, String dataType) {
    return Json.createObjectBuilder().add("name", name).add("dataType", dataType);
  }
}
