package io.devices.it;

import static io.devices.it.MalformedProbes.abbreviate;
import static io.devices.it.MalformedProbes.parseObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.devices.it.MalformedProbes.Answer;
import io.devices.it.MalformedProbes.Kind;
import io.devices.it.MalformedProbes.Probe;
import io.devices.testsupport.glob.NameGlobOracle;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sends several hundred generated malformed requests to the devices, applications and tokens
 * endpoints and checks that every one is answered with a 4xx and the JSON error body {@code
 * {"type","message"}} (never a 5xx, an HTML page or an empty body; see {@link MalformedProbes}),
 * and that none of them changed the database. One dynamic test per family of malformed requests, so
 * a failure names its family.
 *
 * <p>The requests come from a {@link Random} whose seed is printed; rerun with {@code
 * -Drobustness.seed=N} (passed to failsafe through {@code argLine} or {@code
 * systemPropertyVariables}) to replay a run. The only 2xx answers allowed are those of GET list
 * requests whose odd-looking query is valid (glob and LIKE metacharacters in {@code filter}, SQL
 * text in a filter or tag value, a page past the end); they are counted separately, and their
 * {@code totalCount} is checked against the fixture devices.
 */
@ExtendWith(ArquillianExtension.class)
class RobustnessIT {
  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private static final int MIN_REQUESTS = 500;
  private static final int MEBIBYTE = 1024 * 1024;
  private static final String OWNER_TOKEN = System.getProperty("it.owner.token");
  private static final String UNKNOWN_ID = "575ec8687ae143cd83dc4a97";
  private static final List<String> INJECTIONS =
      List.of(
          "' OR 1=1 --",
          "\"; DROP TABLE device; --",
          "'; DROP TABLE application; --",
          "1; DELETE FROM api_token",
          "' UNION SELECT * FROM api_token --",
          "x') OR ('a'='a",
          "\\'; --",
          "%' OR name LIKE '%");
  private static final List<String> FIXTURE_NAMES =
      List.of(
          "robust-a1",
          "Robust_B2",
          "robust%c3",
          "ROBUST[d4]",
          "robust\\e5",
          "' OR 1=1 --",
          "plain device",
          "semi;colon*star?");
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /** A fixture device as created: name and tags. */
  record FixtureDevice(String id, String name, List<String[]> tags) {}

  /** What "the database" looks like through the API. */
  record Snapshot(
      int applicationsTotal,
      JsonObject application,
      int devicesTotal,
      List<String> deviceIds,
      JsonArray devices,
      JsonArray tokens) {}

  private Random random;
  private String baseUrl;
  private Api owner;
  private String app;
  private String devicesPath;
  private String tokensPath;
  private String tokenPath;
  private String deviceId;
  private String appTokenSecret;
  private String inactiveTokenSecret;
  private String deletedTokenSecret;
  private final List<FixtureDevice> fixtureDevices = new ArrayList<>();
  private final List<Probe> probes = new ArrayList<>();

  @TestFactory
  Stream<DynamicTest> malformedRequestsGetCleanClientErrorsAndChangeNothing() {
    long seed = Long.getLong("robustness.seed", System.nanoTime());
    System.out.println(
        "RobustnessIT seed: " + seed + " (replay with -Drobustness.seed=" + seed + ")");
    random = new Random(seed);
    owner = Api.owner();
    baseUrl = owner.baseUrl();
    createFixtures();

    Map<String, List<Probe>> families = new LinkedHashMap<>();
    family(families, "truncated bodies", this::generateTruncatedBodies);
    family(families, "wrong JSON types", this::generateWrongTypes);
    family(families, "invalid bodies", this::generateInvalidBodies);
    family(families, "oversized bodies", this::generateOversizedBodies);
    family(families, "invalid UTF-8", this::generateInvalidUtf8Bodies);
    family(families, "injection in bodies", this::generateInjectionBodies);
    family(families, "random bytes", this::generateRandomBytes);
    family(families, "mutated JSON", this::generateMutatedJson);
    family(families, "list filters", this::generateListFilters);
    family(families, "paging", this::generatePaging);
    family(families, "bad list parameters", this::generateBadListParameters);
    family(families, "tag filter shapes", this::generateTagFilterShapes);
    family(families, "path ids", this::generatePathIds);
    family(families, "raw request lines", this::generateRawRequestLines);
    family(families, "authorization", this::generateAuthorization);
    family(families, "content types", this::generateContentTypes);
    family(families, "methods", this::generateMethods);
    family(families, "accept and scopes", this::generateAcceptAndScopes);
    int total = families.values().stream().mapToInt(List::size).sum();
    Snapshot before = snapshot();

    // In stream order: the count, one test per family, and last the database check.
    Stream<DynamicTest> count =
        Stream.of(
            dynamicTest(
                "at least " + MIN_REQUESTS + " requests generated",
                () -> assertTrue(total >= MIN_REQUESTS, "only " + total + " requests generated")));
    Stream<DynamicTest> perFamily =
        families.entrySet().stream()
            .map(
                family ->
                    dynamicTest(
                        family.getKey() + " (" + family.getValue().size() + " requests)",
                        () -> MalformedProbes.sendAll(family.getKey(), family.getValue(), seed)));
    Stream<DynamicTest> unchanged =
        Stream.of(
            dynamicTest(
                "no request changed the database",
                () -> {
                  Snapshot after = snapshot();
                  assertEquals(
                      before.applicationsTotal(),
                      after.applicationsTotal(),
                      "applications totalCount");
                  assertEquals(
                      before.application(), after.application(), "the fixture application");
                  assertEquals(before.devicesTotal(), after.devicesTotal(), "devices totalCount");
                  assertEquals(before.deviceIds(), after.deviceIds(), "device ids");
                  assertEquals(before.devices(), after.devices(), "devices");
                  assertEquals(before.tokens(), after.tokens(), "tokens");
                }));
    return Stream.of(count, perFamily, unchanged).flatMap(tests -> tests);
  }

  /** Runs one generator, and keeps what it generated (shuffled by the run's Random). */
  private void family(Map<String, List<Probe>> families, String name, Runnable generator) {
    probes.clear();
    generator.run();
    List<Probe> generated = new ArrayList<>(probes);
    Collections.shuffle(generated, random);
    families.put(name, generated);
  }

  // ---------------------------------------------------------------------------------------------
  // The database

  private Snapshot snapshot() {
    int applications =
        owner.get("/applications?perPage=1").expect(200).object().getInt("totalCount");
    JsonObject application = owner.get("/applications/" + app).expect(200).object();
    JsonObject devices = owner.get(devicesPath + "?sortField=id&perPage=1000").expect(200).object();
    List<String> ids =
        devices.getJsonArray("items").getValuesAs(JsonObject.class).stream()
            .map(d -> d.getString("id"))
            .toList();
    JsonArray tokens = owner.get(tokensPath).expect(200).items();
    return new Snapshot(
        applications,
        application,
        devices.getInt("totalCount"),
        ids,
        devices.getJsonArray("items"),
        tokens);
  }

  // ---------------------------------------------------------------------------------------------
  // Fixtures

  private void createFixtures() {
    Fixtures fixtures = new Fixtures(owner);
    app = fixtures.application("robustness-" + UUID.randomUUID());
    devicesPath = "/applications/" + app + "/devices";
    tokensPath = "/applications/" + app + "/tokens";
    tokenPath = tokensPath + "/" + fixtures.token(app, List.of("all.Application")).getString("id");
    appTokenSecret = fixtures.token(app, List.of("devices.get")).getString("token");
    JsonObject inactive = fixtures.token(app, List.of("all.Application"));
    owner
        .patch(tokensPath + "/" + inactive.getString("id"), "{\"status\":\"inactive\"}")
        .expect(200);
    inactiveTokenSecret = inactive.getString("token");
    JsonObject deleted = fixtures.token(app, List.of("all.Application"));
    owner.delete(tokensPath + "/" + deleted.getString("id")).expect(200);
    deletedTokenSecret = deleted.getString("token");
    for (int i = 0; i < FIXTURE_NAMES.size(); i++) {
      List<String[]> tags = new ArrayList<>();
      tags.add(new String[] {"floor", Integer.toString(i)});
      if (i % 3 == 0) {
        tags.add(new String[] {"note", INJECTIONS.get(0)});
      }
      if (i % 4 == 1) {
        tags.add(new String[] {"pct", "100%_sure"});
      }
      var tagArray = Json.createArrayBuilder();
      tags.forEach(
          t -> tagArray.add(Json.createObjectBuilder().add("key", t[0]).add("value", t[1])));
      String body =
          Json.createObjectBuilder()
              .add("name", FIXTURE_NAMES.get(i))
              .add("tags", tagArray)
              .build()
              .toString();
      String id = fixtures.device(app, body).getString("id");
      fixtureDevices.add(new FixtureDevice(id, FIXTURE_NAMES.get(i), tags));
    }
    deviceId = fixtureDevices.get(0).id();
  }

  // ---------------------------------------------------------------------------------------------
  // Generators

  private static final String VALID_DEVICE =
      "{\"name\":\"robust-valid\",\"description\":\"a device\","
          + "\"tags\":[{\"key\":\"floor\",\"value\":\"8\"}],"
          + "\"attributes\":[{\"name\":\"temp\",\"dataType\":\"number\"}],"
          + "\"deviceClass\":\"standalone\"}";
  private static final String VALID_APPLICATION =
      "{\"name\":\"robust-valid-app\",\"description\":\"an application\"}";
  private static final String VALID_TOKEN =
      "{\"name\":\"robust-valid-token\",\"description\":\"a token\","
          + "\"expirationDate\":\"2099-01-01T00:00:00.000Z\",\"scope\":[\"devices.get\"]}";
  private static final String VALID_PATCH =
      "{\"name\":\"robust-renamed\",\"description\":\"changed\",\"status\":\"active\"}";

  /** The endpoints that take a body, with a valid body each. */
  private record BodyEndpoint(String name, String method, String path, String validBody) {}

  private List<BodyEndpoint> bodyEndpoints() {
    return List.of(
        new BodyEndpoint("device post", "POST", devicesPath, VALID_DEVICE),
        new BodyEndpoint("application post", "POST", "/applications", VALID_APPLICATION),
        new BodyEndpoint("token post", "POST", tokensPath, VALID_TOKEN),
        new BodyEndpoint("token patch", "PATCH", tokenPath, VALID_PATCH));
  }

  private BodyEndpoint anyBodyEndpoint() {
    List<BodyEndpoint> endpoints = bodyEndpoints();
    return endpoints.get(random.nextInt(endpoints.size()));
  }

  /** A Device Post cut at every position; plus the other bodies cut at random positions. */
  private void generateTruncatedBodies() {
    for (int cut = 0; cut < VALID_DEVICE.length(); cut++) {
      String body = VALID_DEVICE.substring(0, cut);
      jsonBody("truncated device post at " + cut, "POST", devicesPath, body, 400);
    }
    for (BodyEndpoint endpoint : bodyEndpoints().subList(1, 4)) {
      for (int i = 0; i < 8; i++) {
        int cut = random.nextInt(endpoint.validBody().length());
        jsonBody(
            "truncated " + endpoint.name() + " at " + cut,
            endpoint.method(),
            endpoint.path(),
            endpoint.validBody().substring(0, cut),
            400);
      }
    }
  }

  private static final List<JsonValue> NOT_STRINGS =
      List.of(
          Json.createValue(1),
          Json.createValue(-1.5),
          JsonValue.TRUE,
          JsonValue.FALSE,
          JsonValue.EMPTY_JSON_ARRAY,
          Json.createArrayBuilder().add("x").build(),
          JsonValue.EMPTY_JSON_OBJECT,
          Json.createObjectBuilder().add("a", "b").build());
  private static final List<JsonValue> NOT_ARRAYS_OF_OBJECTS =
      List.of(
          Json.createValue("x"),
          Json.createValue(1),
          JsonValue.TRUE,
          JsonValue.EMPTY_JSON_OBJECT,
          Json.createObjectBuilder().add("key", "a").add("value", "b").build(),
          Json.createArrayBuilder().add(1).build(),
          Json.createArrayBuilder().add("x").build(),
          Json.createArrayBuilder().add(JsonValue.EMPTY_JSON_ARRAY).build(),
          Json.createArrayBuilder().add(JsonValue.TRUE).build(),
          Json.createArrayBuilder().add(JsonValue.NULL).build());
  private static final List<JsonValue> NOT_ARRAYS_OF_STRINGS =
      List.of(
          Json.createValue("devices.get"),
          Json.createValue(1),
          JsonValue.TRUE,
          JsonValue.EMPTY_JSON_OBJECT,
          Json.createArrayBuilder().add(1).build(),
          Json.createArrayBuilder().add(JsonValue.TRUE).build(),
          Json.createArrayBuilder().add(JsonValue.EMPTY_JSON_ARRAY).build(),
          Json.createArrayBuilder().add(JsonValue.EMPTY_JSON_OBJECT).build(),
          Json.createArrayBuilder().add(JsonValue.NULL).build(),
          Json.createArrayBuilder().add("devices.get").add(2).build());

  /** Every field of every body with values of the wrong JSON type. */
  private void generateWrongTypes() {
    JsonObject device = parseObject(VALID_DEVICE);
    for (String field : List.of("name", "description", "deviceClass", "gatewayId")) {
      NOT_STRINGS.forEach(v -> replaced("device post", devicesPath, "POST", device, field, v));
    }
    for (String field : List.of("tags", "attributes")) {
      NOT_ARRAYS_OF_OBJECTS.forEach(
          v -> replaced("device post", devicesPath, "POST", device, field, v));
    }
    for (String[] nested :
        new String[][] {
          {"tags", "key"}, {"tags", "value"}, {"attributes", "name"}, {"attributes", "dataType"}
        }) {
      JsonObject element = device.getJsonArray(nested[0]).getJsonObject(0);
      for (JsonValue wrong : NOT_STRINGS) {
        JsonObject changed = Json.createObjectBuilder(element).add(nested[1], wrong).build();
        JsonObject body =
            Json.createObjectBuilder(device)
                .add(nested[0], Json.createArrayBuilder().add(changed))
                .build();
        jsonBody(
            "device post " + nested[0] + "[0]." + nested[1] + "=" + wrong,
            "POST",
            devicesPath,
            body.toString(),
            400);
      }
    }
    JsonObject application = parseObject(VALID_APPLICATION);
    for (String field : List.of("name", "description", "orgId")) {
      NOT_STRINGS.forEach(
          v -> replaced("application post", "/applications", "POST", application, field, v));
    }
    JsonObject token = parseObject(VALID_TOKEN);
    for (String field : List.of("name", "description", "expirationDate")) {
      NOT_STRINGS.forEach(v -> replaced("token post", tokensPath, "POST", token, field, v));
    }
    for (String notADate :
        List.of("not-a-date", "2016-13-45T00:00:00Z", "2099-01-01", "tomorrow", "", "1e12")) {
      replaced(
          "token post", tokensPath, "POST", token, "expirationDate", Json.createValue(notADate));
    }
    NOT_ARRAYS_OF_STRINGS.forEach(
        v -> replaced("token post", tokensPath, "POST", token, "scope", v));
    for (String scope : List.of("nope.scope", "DEVICES.GET", "devices.get ", "*", "", "all")) {
      replaced(
          "token post",
          tokensPath,
          "POST",
          token,
          "scope",
          Json.createArrayBuilder().add(scope).build());
    }
    JsonObject patch = parseObject(VALID_PATCH);
    for (String field : List.of("name", "description", "status")) {
      NOT_STRINGS.forEach(v -> replaced("token patch", tokenPath, "PATCH", patch, field, v));
    }
    for (String status : List.of("ACTIVE", "deleted", "revoked", "", "expired")) {
      replaced("token patch", tokenPath, "PATCH", patch, "status", Json.createValue(status));
    }
  }

  private void replaced(
      String what, String path, String method, JsonObject valid, String field, JsonValue value) {
    String body = Json.createObjectBuilder(valid).add(field, value).build().toString();
    jsonBody(what + " " + field + "=" + value, method, path, body, 400);
  }

  /** Bodies that are well-formed JSON of the right types but break a rule of the schema. */
  private void generateInvalidBodies() {
    List<String> devices =
        List.of(
            "{}",
            "{\"name\":\"\"}",
            "{\"description\":\"no name\"}",
            "{\"name\":\"x\",\"extra\":1}",
            "{\"name\":\"x\",\"Name\":\"y\"}",
            "{\"name\":\"x\",\"id\":\"" + UNKNOWN_ID + "\"}",
            "{\"name\":\"x\",\"applicationId\":\"" + app + "\"}",
            "{\"name\":\"x\",\"tags\":[{\"key\":\"a\",\"value\":\"b\",\"extra\":1}]}",
            "{\"name\":\"x\",\"tags\":[{\"key\":\"a\"}]}",
            "{\"name\":\"x\",\"tags\":[{\"value\":\"b\"}]}",
            "{\"name\":\"x\",\"tags\":[{\"key\":\"bad key\",\"value\":\"b\"}]}",
            "{\"name\":\"x\",\"tags\":[{\"key\":\"a\",\"value\":\"\"}]}",
            "{\"name\":\"x\",\"tags\":[{\"key\":\"\",\"value\":\"b\"}]}",
            "{\"name\":\"x\",\"tags\":[{\"key\":\"k\u00e9y\",\"value\":\"b\"}]}",
            "{\"name\":\"x\",\"attributes\":[{\"name\":\"a\",\"dataType\":\"float\"}]}",
            "{\"name\":\"x\",\"attributes\":[{\"name\":\"a\"}]}",
            "{\"name\":\"x\",\"attributes\":[{\"name\":\"a\",\"dataType\":\"number\",\"x\":1}]}",
            "{\"name\":\"x\",\"attributes\":[{\"name\":\"a\",\"dataType\":\"number\"},"
                + "{\"name\":\"a\",\"dataType\":\"string\"}]}",
            "{\"name\":\"x\",\"attributes\":[{\"name\":\"a b\",\"dataType\":\"number\"}]}",
            "{\"name\":\"x\",\"deviceClass\":\"Gateway\"}",
            "{\"name\":\"x\",\"deviceClass\":\"\"}",
            "{\"name\":\"x\",\"deviceClass\":\"peripheral\"}",
            "{\"name\":\"x\",\"deviceClass\":\"peripheral\",\"gatewayId\":\"" + UNKNOWN_ID + "\"}",
            "{\"name\":\"x\",\"deviceClass\":\"peripheral\",\"gatewayId\":\"" + deviceId + "\"}",
            "{\"name\":\"x\",\"deviceClass\":\"peripheral\",\"gatewayId\":\"zz\"}",
            "{\"name\":\"x\",\"gatewayId\":\"" + deviceId + "\"}",
            "{\"name\":\"x\",\"name\":\"y\",\"bogus\":true}",
            "[{\"name\":\"x\"}]",
            "\"name\"",
            "42",
            "null",
            "true",
            "{\"name\":\"x\"}{\"name\":\"y\"}",
            "{\"name\":\"x\"} trailing",
            "{\"name\":\"x\",}",
            "{'name':'x'}",
            "{name:\"x\"}",
            "{\"name\":\"x\" /* comment */}",
            "{\"name\":\"\\ud800\"",
            "{\"name\":\"\\uZZZZ\"}",
            "{\"name\":NaN}",
            "{\"name\":\"x\",\"tags\":[{\"key\":\"a\",\"value\":\"b\"},]}");
    devices.forEach(body -> jsonBody("device post " + body, "POST", devicesPath, body, 400));
    List<String> applications =
        List.of(
            "{}",
            "{\"name\":\"\"}",
            "{\"name\":\"x\",\"orgId\":\"zz\"}",
            "{\"name\":\"x\",\"orgId\":\"" + UNKNOWN_ID + "0\"}",
            "{\"name\":\"x\",\"extra\":1}",
            "{\"name\":\"x\",\"id\":\"" + UNKNOWN_ID + "\"}",
            "[]",
            "{\"name\":\"x\"",
            "{\"name\":\"x\"}]");
    applications.forEach(
        body -> jsonBody("application post " + body, "POST", "/applications", body, 400));
    List<String> tokens =
        List.of(
            "{}",
            "{\"name\":\"\"}",
            "{\"name\":\"x\",\"status\":\"active\"}",
            "{\"name\":\"x\",\"token\":\"chosen\"}",
            "{\"name\":\"x\",\"ownerId\":\"" + app + "\"}",
            "{\"name\":\"x\",\"expirationDate\":\"2000-01-01T00:00:00.000Z\"}",
            "{\"name\":\"x\",\"scope\":[\"devices.get\",\"nope\"]}",
            "[]");
    tokens.forEach(body -> jsonBody("token post " + body, "POST", tokensPath, body, 400));
    List<String> patches =
        List.of(
            "{\"name\":\"\"}",
            "{\"scope\":[\"all.User\"]}",
            "{\"token\":\"x\"}",
            "{\"id\":\"" + UNKNOWN_ID + "\"}",
            "{\"status\":\"active\",\"extra\":null}",
            "[]",
            "\"inactive\"");
    patches.forEach(body -> jsonBody("token patch " + body, "PATCH", tokenPath, body, 400));
  }

  private void generateOversizedBodies() {
    for (BodyEndpoint endpoint : bodyEndpoints()) {
      JsonObject valid = parseObject(endpoint.validBody());
      List<Integer> lengths = new ArrayList<>(List.of(256, 257, 300, 1000, 4096, 5000));
      for (int i = 0; i < 4; i++) {
        lengths.add(256 + random.nextInt(5000 - 256 + 1));
      }
      for (int length : lengths) {
        String name = randomText(length);
        jsonBody(
            endpoint.name() + " name of " + length + " characters",
            endpoint.method(),
            endpoint.path(),
            Json.createObjectBuilder(valid).add("name", name).build().toString(),
            400);
      }
      for (int length : List.of(32768, 50_000, 500_000)) {
        jsonBody(
            endpoint.name() + " description of " + length + " characters",
            endpoint.method(),
            endpoint.path(),
            Json.createObjectBuilder(valid)
                .add("description", "d".repeat(length))
                .build()
                .toString(),
            400);
      }
      for (int size : List.of(MEBIBYTE + 1, MEBIBYTE + 4096, 2 * MEBIBYTE)) {
        String body = "{\"name\":\"x\",\"description\":\"" + "d".repeat(size) + "\"}";
        jsonBody(
            endpoint.name() + " body of " + body.length() + " bytes",
            endpoint.method(),
            endpoint.path(),
            body,
            413);
      }
      byte[] garbage = new byte[MEBIBYTE + 100];
      random.nextBytes(garbage);
      malformed(
          endpoint.name() + " " + garbage.length + " random bytes",
          413,
          () ->
              http(
                  endpoint.method(),
                  endpoint.path(),
                  bearer(),
                  garbage,
                  "Content-Type",
                  "application/json"));
      byte[] chunked = Api.chunked(("{\"name\":\"" + "c".repeat(MEBIBYTE + 10) + "\"}").getBytes());
      malformed(
          endpoint.name() + " chunked body over 1 MiB",
          413,
          () ->
              raw(
                  endpoint.method(),
                  endpoint.path(),
                  bearer(),
                  "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n",
                  chunked));
    }
    JsonObject device = parseObject(VALID_DEVICE);
    String[][] fields = {
      {"tags", "key"}, {"tags", "value"}, {"attributes", "name"},
    };
    for (String[] nested : fields) {
      for (int length : List.of(256, 1000, 5000)) {
        JsonObject element =
            Json.createObjectBuilder(device.getJsonArray(nested[0]).getJsonObject(0))
                .add(nested[1], "k".repeat(length))
                .build();
        String body =
            Json.createObjectBuilder(device)
                .add(nested[0], Json.createArrayBuilder().add(element))
                .build()
                .toString();
        jsonBody(
            "device post " + nested[0] + "[0]." + nested[1] + " of " + length,
            "POST",
            devicesPath,
            body,
            400);
      }
    }
  }

  /** Bytes that are not UTF-8, inside a string of an otherwise valid body. */
  private static final byte[][] INVALID_UTF8 = {
    {(byte) 0xff},
    {(byte) 0xfe, (byte) 0xff},
    {(byte) 0x80},
    {(byte) 0xc3},
    {(byte) 0xc0, (byte) 0xaf},
    {(byte) 0xe0, (byte) 0x80, (byte) 0xaf},
    {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
    {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
    {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
    {(byte) 0xe2, (byte) 0x82},
  };

  private void generateInvalidUtf8Bodies() {
    for (BodyEndpoint endpoint : bodyEndpoints()) {
      String valid = endpoint.validBody();
      int at = valid.indexOf("\"name\":\"") + "\"name\":\"".length();
      for (byte[] bad : INVALID_UTF8) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(valid.substring(0, at).getBytes(StandardCharsets.UTF_8));
        body.writeBytes("robust".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bad);
        body.writeBytes(valid.substring(at).getBytes(StandardCharsets.UTF_8));
        byte[] bytes = body.toByteArray();
        malformed(
            endpoint.name() + " invalid UTF-8 " + hex(bad) + " in name",
            400,
            () ->
                http(
                    endpoint.method(),
                    endpoint.path(),
                    bearer(),
                    bytes,
                    "Content-Type",
                    "application/json"));
      }
    }
    // And in a field name, and as the whole body.
    for (byte[] bad : INVALID_UTF8) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.writeBytes("{\"na".getBytes(StandardCharsets.UTF_8));
      body.writeBytes(bad);
      body.writeBytes("me\":\"x\"}".getBytes(StandardCharsets.UTF_8));
      byte[] bytes = body.toByteArray();
      BodyEndpoint endpoint = anyBodyEndpoint();
      malformed(
          endpoint.name() + " invalid UTF-8 " + hex(bad) + " in a field name",
          400,
          () ->
              http(
                  endpoint.method(),
                  endpoint.path(),
                  bearer(),
                  bytes,
                  "Content-Type",
                  "application/json; charset=UTF-8"));
    }
  }

  /**
   * SQL text in names, keys, scopes and statuses, always in a body that is invalid for another
   * reason (a name full of SQL is a valid name: it must be stored as text, which the fixture's
   * device "' OR 1=1 --" shows).
   */
  private void generateInjectionBodies() {
    for (String sql : INJECTIONS) {
      JsonValue s = Json.createValue(sql);
      jsonBody(
          "device post name and deviceClass " + sql,
          "POST",
          devicesPath,
          obj("name", s, "deviceClass", s),
          400);
      jsonBody(
          "device post tag key " + sql,
          "POST",
          devicesPath,
          obj(
              "name",
              s,
              "tags",
              Json.createArrayBuilder()
                  .add(Json.createObjectBuilder().add("key", sql).add("value", sql))
                  .build()),
          400);
      jsonBody(
          "device post attribute " + sql,
          "POST",
          devicesPath,
          obj(
              "name",
              s,
              "attributes",
              Json.createArrayBuilder()
                  .add(Json.createObjectBuilder().add("name", sql).add("dataType", sql))
                  .build()),
          400);
      jsonBody(
          "device post gatewayId " + sql,
          "POST",
          devicesPath,
          obj("name", s, "deviceClass", Json.createValue("peripheral"), "gatewayId", s),
          400);
      jsonBody(
          "device post unknown field named " + sql,
          "POST",
          devicesPath,
          obj("name", s, sql, s),
          400);
      jsonBody(
          "application post orgId " + sql,
          "POST",
          "/applications",
          obj("name", s, "orgId", s),
          400);
      jsonBody(
          "token post scope " + sql,
          "POST",
          tokensPath,
          obj("name", s, "scope", Json.createArrayBuilder().add(sql).build()),
          400);
      jsonBody(
          "token post expirationDate " + sql,
          "POST",
          tokensPath,
          obj("name", s, "expirationDate", s),
          400);
      jsonBody("token patch status " + sql, "PATCH", tokenPath, obj("name", s, "status", s), 400);
    }
  }

  private void generateRandomBytes() {
    for (int i = 0; i < 50; i++) {
      int length = i == 0 ? 0 : random.nextInt(i < 25 ? 64 : 4096) + 1;
      byte[] bytes = new byte[length];
      do {
        random.nextBytes(bytes);
      } while (isJsonObject(new String(bytes, StandardCharsets.UTF_8)));
      BodyEndpoint endpoint = anyBodyEndpoint();
      malformed(
          endpoint.name() + " " + length + " random bytes",
          400,
          () ->
              http(
                  endpoint.method(),
                  endpoint.path(),
                  bearer(),
                  bytes,
                  "Content-Type",
                  "application/json"));
    }
  }

  private static final String JSON_NOISE = "{}[]\":,\\ \t\n0123456789.-+eEtrufalsn\u00e9\u0000";

  /** Valid bodies with random edits, kept only when a JSON parser rejects the result. */
  private void generateMutatedJson() {
    int made = 0;
    int attempts = 0;
    while (made < 60 && attempts++ < 10_000) {
      BodyEndpoint endpoint = anyBodyEndpoint();
      StringBuilder body = new StringBuilder(endpoint.validBody());
      int edits = 1 + random.nextInt(4);
      for (int e = 0; e < edits && body.length() > 0; e++) {
        int at = random.nextInt(body.length());
        char noise = JSON_NOISE.charAt(random.nextInt(JSON_NOISE.length()));
        switch (random.nextInt(4)) {
          case 0 -> body.deleteCharAt(at);
          case 1 -> body.insert(at, noise);
          case 2 -> body.setCharAt(at, noise);
          default -> {
            int to = Math.min(body.length(), at + 1 + random.nextInt(8));
            String cut = body.substring(at, to);
            body.delete(at, to);
            body.insert(random.nextInt(body.length() + 1), cut);
          }
        }
      }
      String text = body.toString();
      if (isJsonObject(text)) {
        continue; // still a JSON object: might be valid, not a malformed request
      }
      made++;
      jsonBody(
          "mutated " + endpoint.name() + " " + text, endpoint.method(), endpoint.path(), text, 400);
    }
  }

  /** Parses like the server: one JSON value and nothing after it. */
  private static boolean isJsonObject(String text) {
    if (text.isBlank()) {
      return false;
    }
    try (JsonParser parser = Json.createParser(new StringReader(text))) {
      parser.next();
      JsonValue value = parser.getValue();
      return !parser.hasNext() && value.getValueType() == JsonValue.ValueType.OBJECT;
    } catch (JsonException | IllegalStateException | NoSuchElementException e) {
      return false;
    }
  }

  /** Valid list queries full of glob, LIKE and SQL metacharacters: 200 with the right count. */
  private void generateListFilters() {
    List<String> globs =
        new ArrayList<>(
            List.of(
                "*",
                "?",
                "%",
                "_",
                "%%",
                "*%*",
                "*_*",
                "robust_a1",
                "robust%",
                "robust\\%",
                "robust%c3",
                "[",
                "[d4]",
                "*[d4]",
                "robust[a-z]*",
                "robust[!d]*",
                "\\",
                "*\\*",
                "robust\\e5",
                "?obust*",
                "ROBUST*",
                "*?*?*",
                "**",
                "*;*",
                "*\\**",
                "semi;colon\\*star\\?",
                "semi;colon*star?",
                "' OR 1=1 --",
                "*' OR '1'='1",
                "\"; DROP TABLE device; --",
                "%' OR 1=1 --",
                "robust-a1' --",
                "x' UNION SELECT * FROM api_token --",
                "'",
                "''",
                "\\'",
                "^robust.*$",
                ".*",
                "$1",
                "{0}",
                "%s%s%s%n"));
    String alphabet = "*?%_[]\\'\";-robust ";
    for (int i = 0; i < 25; i++) {
      StringBuilder glob = new StringBuilder();
      int length = 1 + random.nextInt(8);
      for (int c = 0; c < length; c++) {
        glob.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      if (!glob.toString().isBlank()) {
        globs.add(glob.toString());
      }
    }
    for (String glob : globs) {
      int expected =
          (int) fixtureDevices.stream().filter(d -> NameGlobOracle.matches(glob, d.name())).count();
      StringBuilder query = new StringBuilder("?filter=").append(enc(glob));
      if (random.nextBoolean()) {
        query.append("&filterField=name");
      }
      if (random.nextBoolean()) {
        query
            .append("&sortField=")
            .append(List.of("name", "id", "creationDate").get(random.nextInt(3)));
        query.append("&sortDirection=").append(random.nextBoolean() ? "asc" : "desc");
      }
      String path = devicesPath + query;
      listOk("filter " + glob, expected, () -> http("GET", path, bearer(), null));
    }
    // SQL in tag filter values (valid: values are any text) and tag keys that are valid patterns.
    List<String> values = new ArrayList<>(INJECTIONS);
    values.addAll(List.of("100%_sure", "100%", "%", "_", "*", "?", "1", "8"));
    for (String value : values) {
      int expected =
          (int)
              fixtureDevices.stream()
                  .filter(d -> d.tags().stream().anyMatch(t -> t[1].equals(value)))
                  .count();
      String path = devicesPath + "?tagFilter%5B0%5D%5Bvalue%5D=" + enc(value);
      listOk("tagFilter value " + value, expected, () -> http("GET", path, bearer(), null));
      int expectedFloor =
          (int)
              fixtureDevices.stream()
                  .filter(
                      d ->
                          d.tags().stream()
                              .anyMatch(t -> t[0].equals("note") && t[1].equals(value)))
                  .count();
      String raw = devicesPath + "?tagFilter[3][key]=note&tagFilter[3][value]=" + enc(value);
      listOk(
          "raw tagFilter key note value " + value,
          expectedFloor,
          () -> raw("GET", raw, bearer(), "", null));
    }
  }

  private void generatePaging() {
    List<String> bad =
        List.of(
            "page=-1",
            "page=1e9",
            "page=99999999999999999999",
            "page=2147483648",
            "page=9999999999",
            "page=1.0",
            "page=0x10",
            "page=%2B1",
            "page=%201",
            "page=1%20",
            "page=%EF%BC%91",
            "page=abc",
            "page=NaN",
            "page=-0",
            "page=" + enc(INJECTIONS.get(0)),
            "perPage=0",
            "perPage=-1",
            "perPage=1001",
            "perPage=10000",
            "perPage=2147483648",
            "perPage=99999999999999999999",
            "perPage=abc",
            "perPage=1e3",
            "perPage=10.5",
            "perPage=%2010",
            "perPage=" + enc(INJECTIONS.get(1)),
            "page=-1&perPage=0");
    for (String query : bad) {
      malformed(
          "devices " + query, 400, () -> http("GET", devicesPath + "?" + query, bearer(), null));
      malformed(
          "applications " + query,
          400,
          () -> http("GET", "/applications?" + query, bearer(), null));
    }
    int total = fixtureDevices.size();
    for (String query :
        List.of(
            "perPage=",
            "page=",
            "page=&perPage=",
            "page=2147483647",
            "page=2147483647&perPage=1000",
            "page=0001&perPage=1",
            "perPage=1000",
            "page=999999&perPage=1")) {
      listOk(
          "devices " + query, total, () -> http("GET", devicesPath + "?" + query, bearer(), null));
    }
    for (String query : List.of("page=2147483647", "perPage=")) {
      listOk(
          "applications " + query,
          null,
          () -> http("GET", "/applications?" + query, bearer(), null));
    }
  }

  private void generateBadListParameters() {
    List<String> queries = new ArrayList<>();
    for (String value :
        List.of("nam", "NAME", "Name", "lastupdated", "name;", "name desc", "tags", "-name", "1")) {
      queries.add("sortField=" + enc(value));
    }
    for (String value : List.of("up", "ASC", "descending", "1", "-1", "asc;", "asc,desc")) {
      queries.add("sortDirection=" + enc(value));
    }
    for (String value : List.of("none", "ALL", "Any", "every", "1", "all;")) {
      queries.add("tagMatch=" + enc(value) + "&tagFilter%5B0%5D%5Bkey%5D=floor");
    }
    for (String value : List.of("description", "id", "name;", "tags", "NAME", "*")) {
      queries.add("filterField=" + enc(value) + "&filter=robust*");
    }
    for (String sql : INJECTIONS) {
      queries.add("sortField=" + enc(sql));
      queries.add("sortDirection=" + enc(sql));
      queries.add("filterField=" + enc(sql));
      queries.add("tagMatch=" + enc(sql));
      queries.add("tagFilter%5B0%5D%5Bkey%5D=" + enc(sql));
    }
    for (String query : queries) {
      malformed(
          "devices " + query, 400, () -> http("GET", devicesPath + "?" + query, bearer(), null));
    }
  }

  private void generateTagFilterShapes() {
    List<String> raws =
        new ArrayList<>(
            List.of(
                "tagFilter[x][key]=a",
                "tagFilter[0][nope]=a",
                "tagFilter[0]=a",
                "tagFilter=abc",
                "tagFilter[][key]=a",
                "tagFilter[-1][key]=a",
                "tagFilter[1.5][key]=a",
                "tagFilter[0][key][x]=a",
                "tagFilter[0][Key]=a",
                "tagFilter[0]key=a",
                "tagFilter[0][key=a",
                "tagFilter0][key]=a",
                "tagFilter[0][key]=&tagFilter[0][value]=",
                "tagFilter[0][key]=floor&tagFilter[1][value]=",
                "tagFilter[0][key]=bad%20key",
                "tagFilter[0][key]=k%C3%A9y",
                "tagFilter[0][key]=" + "k".repeat(256),
                "tagFilter[0][value]=" + "v".repeat(256),
                "tagFilter[0][key]=floor&tagFilter[0x1][key]=a",
                "tagFilter[%zz][key]=a",
                "tagFilter[0][key]=%zz",
                "tagFilter[0][key]=a%",
                "tagFilter%5Bx%5D%5Bkey%5D=a",
                "tagFilter%5B0%5D=a",
                "tagFilter%5B0%5D%5Bkey%5D=" + enc("' OR 1=1 --"),
                "tagFilter[0][key]=" + enc("\"; DROP TABLE device; --")));
    StringBuilder many = new StringBuilder("tagFilter[0][key]=floor");
    for (int i = 1; i <= 100; i++) {
      many.append("&tagFilter[").append(i).append("][key]=k").append(i);
    }
    raws.add(many.toString());
    StringBuilder sparse = new StringBuilder();
    for (int i = 0; i <= 100; i++) {
      sparse
          .append(i == 0 ? "" : "&")
          .append("tagFilter[")
          .append(1000 + 7 * i)
          .append("][value]=v");
    }
    raws.add(sparse.toString());
    for (String query : raws) {
      malformed(
          "raw devices ?" + abbreviate(query),
          400,
          () -> raw("GET", devicesPath + "?" + query, bearer(), "", null));
    }
    StringBuilder hundred = new StringBuilder("tagFilter[0][key]=floor");
    for (int i = 1; i < 100; i++) {
      hundred.append("&tagFilter[").append(i).append("][key]=k").append(i);
    }
    String valid = devicesPath + "?" + hundred;
    listOk(
        "raw 100 tagFilter entries",
        fixtureDevices.size(),
        () -> raw("GET", valid, bearer(), "", null));
  }

  /** Path ids that are not 24-hex (400) or that name nothing (404). */
  private void generatePathIds() {
    List<String> malformedIds =
        new ArrayList<>(
            List.of(
                "abc",
                UNKNOWN_ID.substring(1),
                UNKNOWN_ID + "0",
                "575ec8687ae143cd83dc4a9g",
                "575ec8687ae143cd83dc4a9%C3%A9",
                "null",
                "undefined",
                "-1",
                "0",
                "%20" + UNKNOWN_ID,
                UNKNOWN_ID + "%20",
                "%E2%80%8B" + UNKNOWN_ID,
                "x".repeat(5000)));
    INJECTIONS.forEach(sql -> malformedIds.add(encPath(sql)));
    for (int i = 0; i < 6; i++) {
      malformedIds.add("x" + encPath(randomText(random.nextInt(40))));
    }
    for (String id : malformedIds) {
      String label = abbreviate(id);
      malformed(
          "GET application " + label,
          400,
          () -> http("GET", "/applications/" + id, bearer(), null));
      malformed(
          "GET devices of " + label,
          400,
          () -> http("GET", "/applications/" + id + "/devices", bearer(), null));
      malformed(
          "GET device " + label, 400, () -> http("GET", devicesPath + "/" + id, bearer(), null));
      malformed(
          "GET token " + label, 400, () -> http("GET", tokensPath + "/" + id, bearer(), null));
      malformed(
          "PATCH token " + label,
          400,
          () ->
              http(
                  "PATCH",
                  tokensPath + "/" + id,
                  bearer(),
                  VALID_PATCH.getBytes(StandardCharsets.UTF_8),
                  "Content-Type",
                  "application/json"));
      malformed(
          "DELETE token " + label,
          400,
          () -> http("DELETE", tokensPath + "/" + id, bearer(), null));
      malformed(
          "POST device to application " + label,
          400,
          () ->
              http(
                  "POST",
                  "/applications/" + id + "/devices",
                  bearer(),
                  VALID_DEVICE.getBytes(StandardCharsets.UTF_8),
                  "Content-Type",
                  "application/json"));
    }
    for (String id :
        List.of(UNKNOWN_ID, UNKNOWN_ID.toUpperCase(Locale.ROOT), "000000000000000000000000")) {
      malformed(
          "GET unknown application " + id,
          404,
          () -> http("GET", "/applications/" + id, bearer(), null));
      malformed(
          "GET devices of unknown application " + id,
          404,
          () -> http("GET", "/applications/" + id + "/devices", bearer(), null));
      malformed(
          "GET unknown device " + id,
          404,
          () -> http("GET", devicesPath + "/" + id, bearer(), null));
      malformed(
          "GET unknown token " + id, 404, () -> http("GET", tokensPath + "/" + id, bearer(), null));
      malformed(
          "DELETE unknown token " + id,
          404,
          () -> http("DELETE", tokensPath + "/" + id, bearer(), null));
      malformed(
          "POST device to unknown application " + id,
          404,
          () ->
              http(
                  "POST",
                  "/applications/" + id + "/devices",
                  bearer(),
                  VALID_DEVICE.getBytes(StandardCharsets.UTF_8),
                  "Content-Type",
                  "application/json"));
      malformed(
          "POST token to unknown application " + id,
          404,
          () ->
              http(
                  "POST",
                  "/applications/" + id + "/tokens",
                  bearer(),
                  VALID_TOKEN.getBytes(StandardCharsets.UTF_8),
                  "Content-Type",
                  "application/json"));
    }
    malformed(
        "empty application id", 0, () -> http("GET", "/applications//devices", bearer(), null));
    malformed(
        "unknown path",
        404,
        () -> http("GET", "/applications/" + app + "/nothing", bearer(), null));
  }

  /**
   * What java.net.http refuses to send: bad escapes, raw bytes and odd characters in the target.
   */
  private void generateRawRequestLines() {
    for (String target :
        List.of(
            "/applications/%zz/devices",
            "/applications/" + app + "/devices/%zz",
            "/applications/" + app + "/tokens/%",
            "/applications/%00/devices",
            "/applications/" + app + "%00/devices")) {
      containerRejected(
          "raw GET " + abbreviate(target), () -> raw("GET", target, bearer(), "", null));
    }
    List<String> targets =
        List.of(
            "/applications/a%2Fb/devices",
            "/applications/%2e%2e/devices",
            "/applications/" + app + "/devices/%2e%2e%2f%2e%2e",
            "/applications/%ff%fe/devices",
            "/applications/\u00ff\u00fe/devices",
            "/applications/" + app + "/devices/\u00c3\u0028",
            "/applications/" + app + "/devices?filter=%zz",
            "/applications/" + app + "/devices?filter=%",
            "/applications/" + app + "/devices?filter=%ff",
            "/applications/" + app + "/devices?filter=%c0%af",
            "/applications/" + app + "/devices?filter=%ed%a0%80",
            "/applications/" + app + "/devices?filter=\u00ff\u00fe",
            "/applications/" + app + "/devices?tagFilter[0][value]=%fe",
            "/applications/" + app + "/devices?page=%zz",
            "/applications?perPage=%",
            "/applications/" + app + "/devices?%zz=1",
            "/applications/" + app + "/devices?sortField=name%00",
            "/applications/" + app + "/tokens?x=%zz",
            "/applications/" + app + "/devices/{id}",
            "/applications/" + app + "/devices/<script>",
            "/applications/" + app + "/devices/|",
            "/applications/" + app + "/devices/" + "'OR'1'='1'--");
    for (String target : targets) {
      malformed("raw GET " + abbreviate(target), 0, () -> raw("GET", target, bearer(), "", null));
    }
    containerRejected(
        "raw POST device with %zz in path",
        () ->
            raw(
                "POST",
                "/applications/%zz/devices",
                bearer(),
                "Content-Type: application/json\r\n",
                VALID_DEVICE.getBytes(StandardCharsets.UTF_8)));
  }

  /** Missing, garbage, stale and oversized credentials: 401 before anything else. */
  private void generateAuthorization() {
    List<String> headers =
        new ArrayList<>(
            List.of(
                "",
                "Bearer",
                "Bearer ",
                "Bearer  ",
                "Basic dXNlcjpwYXNz",
                "Token " + OWNER_TOKEN,
                OWNER_TOKEN,
                "Bearer" + OWNER_TOKEN,
                "Bearer " + OWNER_TOKEN + "x",
                "Bearer x" + OWNER_TOKEN,
                "Bearer " + OWNER_TOKEN.substring(1),
                "Bearer " + OWNER_TOKEN.toUpperCase(Locale.ROOT),
                "Bearer " + OWNER_TOKEN + " " + OWNER_TOKEN,
                "Bearer " + INJECTIONS.get(0),
                "Bearer " + INJECTIONS.get(1),
                "Bearer %27%20OR%201%3D1",
                "Bearer null",
                "Bearer undefined",
                "Bearer " + inactiveTokenSecret,
                "Bearer " + deletedTokenSecret,
                "Bearer " + "a".repeat(1024),
                "Bearer " + "a".repeat(8192),
                "Bearer " + "a".repeat(16_384),
                "Bearer " + "a".repeat(30_000),
                "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJvd25lciJ9."));
    for (int i = 0; i < 6; i++) {
      headers.add("Bearer " + randomPrintable(1 + random.nextInt(200)));
    }
    List<String[]> routes =
        List.of(
            new String[] {"GET", "/applications", null},
            new String[] {"POST", "/applications", VALID_APPLICATION},
            new String[] {"GET", "/applications/" + app, null},
            new String[] {"GET", devicesPath, null},
            new String[] {"POST", devicesPath, VALID_DEVICE},
            new String[] {"GET", devicesPath + "/" + deviceId, null},
            new String[] {"GET", tokensPath, null},
            new String[] {"POST", tokensPath, VALID_TOKEN},
            new String[] {"GET", tokenPath, null},
            new String[] {"PATCH", tokenPath, VALID_PATCH},
            new String[] {"DELETE", tokenPath, null},
            new String[] {"POST", devicesPath, "{\"name\":"},
            new String[] {"GET", devicesPath + "?perPage=-1", null});
    for (String header : headers) {
      String[] route = routes.get(random.nextInt(routes.size()));
      String label = route[0] + " " + route[1] + " with Authorization '" + abbreviate(header) + "'";
      if (random.nextBoolean() || header.isBlank() || header.endsWith(" ")) {
        malformed(
            "raw " + label,
            401,
            () -> raw(route[0], route[1], header, contentType(route[2]), bytes(route[2])));
      } else {
        malformed(
            label, 401, () -> http(route[0], route[1], header, bytes(route[2]), headers(route[2])));
      }
    }
    for (String[] route : routes) {
      String label = route[0] + " " + route[1] + " without Authorization";
      malformed(
          label, 401, () -> http(route[0], route[1], null, bytes(route[2]), headers(route[2])));
    }
    // What a plain HTTP client may not send: control and non-ASCII bytes in the header.
    for (String header :
        List.of(
            "Bearer \u00ff\u00fe\u0001",
            "Bearer " + OWNER_TOKEN + "\u00e9",
            "Bearer \t" + OWNER_TOKEN + "x",
            "B\u00e9arer " + OWNER_TOKEN)) {
      String[] route = routes.get(random.nextInt(routes.size()));
      malformed(
          "raw " + route[0] + " " + route[1] + " with a binary Authorization header",
          401,
          () -> raw(route[0], route[1], header, contentType(route[2]), bytes(route[2])));
    }
    // Beyond the HTTP channel's header limit Liberty refuses the request itself.
    for (int size : List.of(40_000, 70_000)) {
      String header = "Bearer " + "a".repeat(size);
      containerRejected(
          "raw GET devices with an Authorization header of " + size + " characters",
          () -> raw("GET", devicesPath, header, "", null));
    }
  }

  private void generateContentTypes() {
    List<String> unsupported =
        List.of(
            "text/plain",
            "text/json",
            "text/html",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/octet-stream",
            "application/jsonx",
            "application/vnd.api+json",
            "image/png",
            "application/x-json-stream");
    for (BodyEndpoint endpoint : bodyEndpoints()) {
      for (String type : unsupported) {
        malformed(
            endpoint.name() + " as " + type,
            415,
            () ->
                http(
                    endpoint.method(),
                    endpoint.path(),
                    bearer(),
                    endpoint.validBody().getBytes(StandardCharsets.UTF_8),
                    "Content-Type",
                    type));
      }
      malformed(
          endpoint.name() + " without Content-Type",
          415,
          () ->
              raw(
                  endpoint.method(),
                  endpoint.path(),
                  bearer(),
                  "",
                  endpoint.validBody().getBytes(StandardCharsets.UTF_8)));
      for (String broken : List.of("garbage", "application/", "/json", ";;;")) {
        malformed(
            endpoint.name() + " with Content-Type " + broken,
            0,
            () ->
                raw(
                    endpoint.method(),
                    endpoint.path(),
                    bearer(),
                    "Content-Type: " + broken + "\r\n",
                    endpoint.validBody().getBytes(StandardCharsets.UTF_8)));
      }
    }
  }

  private void generateMethods() {
    String device = devicesPath + "/" + deviceId;
    List<String[]> wrong =
        List.of(
            new String[] {"PUT", "/applications"},
            new String[] {"DELETE", "/applications"},
            new String[] {"PATCH", "/applications"},
            new String[] {"PUT", "/applications/" + app},
            new String[] {"POST", "/applications/" + app},
            new String[] {"PATCH", "/applications/" + app},
            new String[] {"DELETE", "/applications/" + app},
            new String[] {"PUT", devicesPath},
            new String[] {"DELETE", devicesPath},
            new String[] {"PUT", device},
            new String[] {"POST", device},
            new String[] {"GET", devicesPath + "/export"},
            new String[] {"DELETE", devicesPath + "/command"},
            new String[] {"PUT", tokensPath},
            new String[] {"PATCH", tokensPath},
            new String[] {"DELETE", tokensPath},
            new String[] {"PUT", tokenPath},
            new String[] {"POST", tokenPath},
            new String[] {"TRACE", devicesPath},
            new String[] {"FOO", devicesPath},
            new String[] {"PROPFIND", tokensPath});
    byte[] body = "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    for (String[] route : wrong) {
      // GET .../devices/export and DELETE .../devices/command may be matched against /{deviceId}
      // (400) or their literal path (405).
      int expected = route[1].endsWith("/export") || route[1].endsWith("/command") ? 0 : 405;
      String json = "Content-Type: application/json\r\n";
      if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(route[0])) {
        malformed(
            route[0] + " " + route[1],
            expected,
            () -> http(route[0], route[1], bearer(), body, "Content-Type", "application/json"));
      } else {
        malformed(
            "raw " + route[0] + " " + route[1],
            expected,
            () -> raw(route[0], route[1], bearer(), json, body));
      }
    }
  }

  private void generateAcceptAndScopes() {
    for (String accept : List.of("text/html", "application/xml", "text/plain", "image/png")) {
      malformed(
          "GET devices accepting " + accept,
          406,
          () -> http("GET", devicesPath, bearer(), null, "Accept", accept));
      malformed(
          "POST device accepting " + accept,
          406,
          () ->
              http(
                  "POST",
                  devicesPath,
                  bearer(),
                  VALID_DEVICE.getBytes(StandardCharsets.UTF_8),
                  "Content-Type",
                  "application/json",
                  "Accept",
                  accept));
    }
    String reader = "Bearer " + appTokenSecret;
    malformed(
        "POST device with a devices.get token",
        403,
        () ->
            http(
                "POST",
                devicesPath,
                reader,
                VALID_DEVICE.getBytes(StandardCharsets.UTF_8),
                "Content-Type",
                "application/json"));
    malformed(
        "POST application with an application token",
        403,
        () ->
            http(
                "POST",
                "/applications",
                reader,
                VALID_APPLICATION.getBytes(StandardCharsets.UTF_8),
                "Content-Type",
                "application/json"));
    malformed(
        "POST token with a devices.get token",
        403,
        () ->
            http(
                "POST",
                tokensPath,
                reader,
                VALID_TOKEN.getBytes(StandardCharsets.UTF_8),
                "Content-Type",
                "application/json"));
    malformed(
        "PATCH token with a devices.get token",
        403,
        () ->
            http(
                "PATCH",
                tokenPath,
                reader,
                VALID_PATCH.getBytes(StandardCharsets.UTF_8),
                "Content-Type",
                "application/json"));
    malformed(
        "DELETE token with a devices.get token",
        403,
        () -> http("DELETE", tokenPath, reader, null));
    malformed(
        "GET devices of another application",
        403,
        () -> http("GET", "/applications/" + UNKNOWN_ID + "/devices", reader, null));
    malformed(
        "POST device to another application",
        403,
        () ->
            http(
                "POST",
                "/applications/" + UNKNOWN_ID + "/devices",
                reader,
                VALID_DEVICE.getBytes(StandardCharsets.UTF_8),
                "Content-Type",
                "application/json"));
  }

  // ---------------------------------------------------------------------------------------------
  // Building and sending requests

  private void malformed(String label, int exactStatus, Supplier<Answer> send) {
    probes.add(new Probe(label, Kind.MALFORMED, exactStatus, null, send));
  }

  private void containerRejected(String label, Supplier<Answer> send) {
    probes.add(new Probe(label, Kind.CONTAINER_REJECTED, 400, null, send));
  }

  private void listOk(String label, Integer expectedTotal, Supplier<Answer> send) {
    probes.add(new Probe(label, Kind.LIST_OK, 0, expectedTotal, send));
  }

  /** A JSON body sent as the owner. */
  private void jsonBody(String label, String method, String path, String body, int exactStatus) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    malformed(
        abbreviate(label),
        exactStatus,
        () -> http(method, path, bearer(), bytes, "Content-Type", "application/json"));
  }

  private static String obj(Object... fieldsAndValues) {
    JsonObjectBuilder object = Json.createObjectBuilder();
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      object.add((String) fieldsAndValues[i], (JsonValue) fieldsAndValues[i + 1]);
    }
    return object.build().toString();
  }

  private static String bearer() {
    return "Bearer " + OWNER_TOKEN;
  }

  private static byte[] bytes(String body) {
    return body == null ? null : body.getBytes(StandardCharsets.UTF_8);
  }

  private static String[] headers(String body) {
    return body == null ? new String[0] : new String[] {"Content-Type", "application/json"};
  }

  private static String contentType(String body) {
    return body == null ? "" : "Content-Type: application/json\r\n";
  }

  /**
   * Sends with java.net.http: {@code authorization} is the whole header value (null: none); {@code
   * headers} are name/value pairs that replace the defaults (Accept: application/json).
   */
  private Answer http(
      String method, String pathAndQuery, String authorization, byte[] body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
            .timeout(Duration.ofSeconds(60))
            .setHeader("Accept", "application/json");
    if (authorization != null) {
      request.setHeader("Authorization", authorization);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    request.method(
        method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
    try {
      var response = HTTP.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + pathAndQuery + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends over a socket. {@code target} goes on the request line as ISO-8859-1 (a char U+00FF is
   * the byte 0xFF); {@code extraHeaders} are complete header lines ending in CRLF.
   */
  private Answer raw(
      String method, String target, String authorization, String extraHeaders, byte[] body) {
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    head.append("Host: localhost\r\n");
    head.append("Accept: application/json\r\n");
    if (authorization != null) {
      head.append("Authorization: ").append(authorization).append("\r\n");
    }
    head.append(extraHeaders);
    boolean chunked = extraHeaders.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked");
    if (body != null && !chunked) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    request.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (body != null) {
      request.writeBytes(body);
    }
    ApiResponse response = Api.owner().socket(request.toByteArray());
    return new Answer(response.status(), response.header("Content-Type"), response.body());
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Percent-encodes a path segment (URLEncoder writes spaces as '+', which a path keeps). */
  private static String encPath(String value) {
    return enc(value).replace("+", "%20");
  }

  private static String hex(byte[] bytes) {
    StringBuilder hex = new StringBuilder();
    for (byte b : bytes) {
      hex.append(String.format("%02x", b & 0xff));
    }
    return hex.toString();
  }

  /** Text with some non-ASCII letters, for lengths counted in characters. */
  private String randomText(int length) {
    String alphabet =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.\u00e9\u00fc\u4e2d";
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  private String randomPrintable(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) (0x21 + random.nextInt(0x7e - 0x21)));
    }
    return text.toString();
  }
}
