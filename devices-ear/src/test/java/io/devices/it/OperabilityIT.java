package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What operators and client authors rely on: liveness and readiness, the metrics of each endpoint,
 * the OpenAPI document and its UI.
 */
@ExtendWith(ArquillianExtension.class)
class OperabilityIT {
  private static final String APP = "/applications/{applicationId}";

  /** Every path of the API with its methods. */
  private static final Map<String, Set<String>> PATHS =
      Map.ofEntries(
          Map.entry("/applications", Set.of("get", "post")),
          Map.entry(APP, Set.of("get")),
          Map.entry(APP + "/tokens", Set.of("get", "post")),
          Map.entry(APP + "/tokens/{apiTokenId}", Set.of("get", "patch", "delete")),
          Map.entry(APP + "/devices", Set.of("get", "post")),
          Map.entry(APP + "/devices/{deviceId}", Set.of("get")),
          Map.entry(APP + "/devices/export", Set.of("post")),
          Map.entry(APP + "/devices/exports/{exportId}", Set.of("get")),
          Map.entry("/exports/{exportId}", Set.of("get")),
          Map.entry(APP + "/devices/command", Set.of("post")),
          Map.entry(APP + "/devices/commands/{commandId}", Set.of("get")),
          Map.entry(APP + "/devices/commands/{commandId}/deliveries", Set.of("get")));

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private static JsonObject openApi;

  @BeforeAll
  static void readTheOpenApiDocument() {
    Api anonymous = Api.owner().withToken(null);
    ApiResponse response = anonymous.get("/openapi?format=JSON").expect(200);
    assertTrue(
        response.header("content-type").startsWith("application/json"),
        response.header("content-type"));
    openApi = response.object();
  }

  // ---------------------------------------------------------------------------------------------
  // Health

  @Test
  void readinessIsUpWithTheDatabaseCheckUp() {
    // Right after a deployment Liberty may answer before the application's checks are
    // registered (UP with no checks): wait for them. (Only this class asks /health: after an
    // earlier deployment of the same application was asked, Liberty's mpHealth-4.0 no longer
    // finds the checks of a redeployed one.)
    JsonObject database =
        Awaits.until(
            "the database readiness check",
            java.time.Duration.ofSeconds(30),
            () -> {
              JsonObject health =
                  Api.owner().withToken(null).get("/health/ready").expect(200).object();
              assertEquals("UP", health.getString("status"), health.toString());
              return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                  .filter(check -> check.getString("name").equals("database"))
                  .findFirst();
            });
    assertEquals("UP", database.getString("status"), database.toString());
  }

  @Test
  void readinessShowsTheMqttBrokerConnection() {
    // The broker is started with the test run (TestBroker); the server connects by itself.
    JsonObject transports =
        Awaits.until(
            "the mqtt transport to report itself connected",
            java.time.Duration.ofSeconds(90),
            () -> {
              JsonObject health =
                  Api.owner().withToken(null).get("/health/ready").expect(200).object();
              return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                  .filter(check -> check.getString("name").equals("commandTransports"))
                  .filter(
                      check ->
                          "connected".equals(check.getJsonObject("data").getString("mqtt", "")))
                  .findFirst();
            });
    assertEquals("UP", transports.getString("status"), transports.toString());
  }

  @Test
  void readinessChecksThatExportFilesCanBeWritten() {
    JsonObject directory = awaitCheck("/health/ready", "exportDirectory");
    assertEquals("UP", directory.getString("status"), directory.toString());
    String path = directory.getJsonObject("data").getString("path");
    assertTrue(path.endsWith("exports"), path);
  }

  @Test
  void livenessShowsTheBackgroundWorkersPolling() {
    JsonObject workers = awaitCheck("/health/live", "workers");
    assertEquals("UP", workers.getString("status"), workers.toString());
    JsonObject data = workers.getJsonObject("data");
    assertEquals("polling", data.getString("commandDelivery"), data.toString());
    assertEquals("polling", data.getString("exports"), data.toString());
  }

  @Test
  void livenessAndMetricsShowEveryKindOfBackgroundWork() {
    JsonObject data = awaitCheck("/health/live", "workers").getJsonObject("data");
    Metrics metrics = Metrics.scrape(Api.owner());
    for (String kind :
        List.of("exports", "exportDeliveries", "exportFiles", "commandDelivery", "devicePurge")) {
      assertEquals("polling", data.getString(kind, "absent"), kind + " in " + data);
      for (String name :
          List.of("devices_work_runs_total", "devices_work_failures_total", "devices_work_busy")) {
        assertTrue(
            metrics.contains(name, Map.of("kind", kind)),
            () -> name + " of " + kind + " in\n" + metrics.show("devices_work"));
      }
    }
  }

  /** The named check of a health endpoint, once the application's checks are registered. */
  private static JsonObject awaitCheck(String endpoint, String name) {
    return Awaits.until(
        "the " + name + " check on " + endpoint,
        Duration.ofSeconds(30),
        () -> {
          ApiResponse response = Api.owner().withToken(null).get(endpoint);
          return response.object().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
              .filter(check -> check.getString("name").equals(name))
              .findFirst();
        });
  }

  // ---------------------------------------------------------------------------------------------
  // Metrics

  @Test
  void eachEndpointHasARequestCountAndLatency() {
    Api owner = Api.owner();
    String app = new Fixtures(owner).application("metrics " + java.util.UUID.randomUUID());
    String devices = "io.devices.web.device.DevicesResource";
    double before = restRequests(Metrics.scrape(owner), devices, "list", "_count");
    for (int i = 0; i < 3; i++) {
      owner.get("/applications/" + app + "/devices").expect(200);
    }
    owner.get("/applications/" + app + "/devices/" + "0".repeat(24)).expect(404);

    // Liberty records a request as it completes: the scrape may come a moment before.
    Metrics after =
        Awaits.until(
            "3 more list requests on /metrics",
            Duration.ofSeconds(10),
            () ->
                Optional.of(Metrics.scrape(owner))
                    .filter(m -> restRequests(m, devices, "get", "_count") >= 1)
                    .filter(m -> restRequests(m, devices, "list", "_count") >= before + 3));
    assertEquals(
        before + 3, restRequests(after, devices, "list", "_count"), () -> after.show("REST_"));
    assertTrue(restRequests(after, devices, "list", "_sum") > 0, () -> after.show("REST_"));
    assertTrue(restRequests(after, devices, "get", "_count") >= 1, () -> after.show("REST_"));
  }

  @Test
  void theApplicationsOwnMetricsAreServed() {
    Metrics metrics = Metrics.scrape(Api.owner());
    for (String name :
        List.of(
            "devices_commands_queued_total",
            "devices_commands_delivered_total",
            "devices_commands_failed_total",
            "devices_commands_pending")) {
      assertTrue(metrics.contains(name, Map.of()), () -> name + " in\n" + metrics.show("devices_"));
    }
    for (String state : List.of("queued", "running", "succeeded", "failed")) {
      assertTrue(
          metrics.contains("devices_export_jobs", Map.of("state", state)),
          () -> state + " in\n" + metrics.show("devices_"));
    }
    for (String kind : List.of("exportFormat", "commandTransport")) {
      assertEquals(
          0,
          metrics.sum("devices_plugins_load_failures", Map.of("kind", kind)),
          () -> kind + " in\n" + metrics.show("devices_"));
    }
  }

  /**
   * Liberty's timer of a resource method: {@code REST_request_seconds<suffix>{class, method}}, the
   * method tag being its name and parameter types.
   */
  private static double restRequests(
      Metrics metrics, String resourceClass, String method, String suffix) {
    return metrics.samples().stream()
        .filter(s -> s.name().startsWith("REST_request") && s.name().endsWith(suffix))
        .filter(s -> resourceClass.equals(s.labels().get("class")))
        .filter(s -> s.labels().getOrDefault("method", "").matches(method + "(_.*)?"))
        .mapToDouble(Metrics.Sample::value)
        .sum();
  }

  // ---------------------------------------------------------------------------------------------
  // OpenAPI

  @Test
  void theDocumentIsServedAsJsonOnRequest() {
    Api anonymous = Api.owner().withToken(null);
    JsonObject byAccept = anonymous.get("/openapi").expect(200).object();
    assertTrue(byAccept.getString("openapi").startsWith("3."), byAccept.getString("openapi"));
    assertTrue(openApi.getString("openapi").startsWith("3."));
  }

  @Test
  void everyEndpointIsDescribedWithItsMethods() {
    JsonObject paths = openApi.getJsonObject("paths");
    for (Map.Entry<String, Set<String>> path : PATHS.entrySet()) {
      JsonObject item = paths.getJsonObject(path.getKey());
      assertNotNull(item, () -> "missing path " + path.getKey() + " in " + paths.keySet());
      for (String method : path.getValue()) {
        assertTrue(item.containsKey(method), () -> path.getKey() + " lacks " + method);
      }
    }
  }

  @Test
  void requestBodiesReferToTheirSchemas() {
    assertEquals("DevicePost", requestSchema("/devices", "post"));
    assertEquals("ApplicationPost", requestSchemaOf("/applications", "post"));
    assertEquals("ApiTokenPost", requestSchema("/tokens", "post"));
    assertEquals("ApiTokenPatch", requestSchema("/tokens/{apiTokenId}", "patch"));
    assertEquals("ExportPost", requestSchema("/devices/export", "post"));
    assertFalse(
        operation(APP + "/devices/export", "post")
            .getJsonObject("requestBody")
            .getBoolean("required", false),
        "the export's body is optional");
  }

  @Test
  void requestSchemasListTheirProperties() {
    assertAll(
        () ->
            assertProperties(
                "DevicePost",
                "name",
                "description",
                "tags",
                "attributes",
                "deviceClass",
                "gatewayId"),
        () -> assertProperties("ApplicationPost", "name", "description", "orgId"),
        () -> assertProperties("ApiTokenPost", "name", "description", "expirationDate", "scope"),
        () -> assertProperties("ApiTokenPatch", "name", "description", "status"),
        () -> assertProperties("ExportPost", "email", "callbackUrl", "query", "format"),
        () ->
            assertTrue(
                schema("DevicePost").getJsonArray("required").toString().contains("\"name\""),
                schema("DevicePost").toString()));
  }

  @Test
  void responseSchemasListTheirProperties() {
    assertAll(
        () ->
            assertProperties(
                "Device",
                "id",
                "deviceId",
                "applicationId",
                "creationDate",
                "lastUpdated",
                "name",
                "description",
                "tags",
                "attributes",
                "deviceClass",
                "connectionInfo"),
        () ->
            assertProperties(
                "Devices",
                "items",
                "count",
                "totalCount",
                "perPage",
                "page",
                "sortField",
                "sortDirection",
                "applicationId"),
        () ->
            assertProperties(
                "Application",
                "id",
                "applicationId",
                "name",
                "description",
                "creationDate",
                "lastUpdated"),
        () ->
            assertProperties(
                "ApiToken",
                "id",
                "apiTokenId",
                "ownerId",
                "ownerType",
                "creatorId",
                "creatorType",
                "creatorName",
                "name",
                "description",
                "creationDate",
                "lastUpdated",
                "expirationDate",
                "scope",
                "status",
                "token"),
        () -> assertProperties("Error", "type", "message"));
  }

  @Test
  void operationsReferToTheirResponseSchemas() {
    assertAll(
        () ->
            assertEquals(
                "Devices | ObjectFormDevices", responseSchema(APP + "/devices", "get", "200")),
        () -> assertEquals("Device", responseSchema(APP + "/devices", "post", "201")),
        () -> assertEquals("Application", responseSchema("/applications", "post", "201")),
        () -> assertEquals("Application", responseSchema(APP, "get", "200")),
        () -> assertEquals("ApiToken", responseSchema(APP + "/tokens", "post", "201")),
        () -> assertEquals("ApiToken", responseSchema(APP + "/tokens/{apiTokenId}", "get", "200")));
  }

  @Test
  void theBearerSecuritySchemeIsDeclaredAndRequired() {
    JsonObject schemes = openApi.getJsonObject("components").getJsonObject("securitySchemes");
    assertNotNull(schemes, openApi.getJsonObject("components").keySet().toString());
    String name =
        schemes.entrySet().stream()
            .filter(e -> e.getValue().asJsonObject().getString("type", "").equals("http"))
            .filter(e -> e.getValue().asJsonObject().getString("scheme", "").equals("bearer"))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no http bearer scheme: " + schemes));
    assertTrue(
        openApi.getJsonArray("security").toString().contains("\"" + name + "\""),
        () -> "security " + openApi.get("security"));
  }

  @Test
  void devicesGetListsItsScopes() {
    String description = operation(APP + "/devices", "get").getString("description", "");
    assertTrue(description.contains("devices.get"), description);
    assertTrue(description.contains("all.Device.read"), description);
  }

  @Test
  void everyOperationListsExactlyTheScopesThatAllowIt() {
    Map<String, String> descriptions = new java.util.HashMap<>();
    JsonObject paths = openApi.getJsonObject("paths");
    for (String path : paths.keySet()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.keySet()) {
        if (item.get(method) instanceof JsonObject operation
            && operation.containsKey("operationId")) {
          descriptions.put(
              operation.getString("operationId"), operation.getString("description", ""));
        }
      }
    }
    ScopeTable.byOperationId()
        .forEach(
            (operationId, allowing) -> {
              String description = descriptions.get(operationId);
              assertNotNull(
                  description,
                  () -> "no operation " + operationId + " in " + descriptions.keySet());
              Set<String> listed = new TreeSet<>();
              for (String scope : ScopeTable.KNOWN_SCOPES) {
                if (mentions(description, scope)) {
                  listed.add(scope);
                }
              }
              assertEquals(new TreeSet<>(allowing), listed, () -> operationId + ": " + description);
            });
  }

  @Test
  void theUiIsServedAsHtml() throws IOException, InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(Api.owner().baseUrl() + "/openapi/ui"))
                .header("Accept", "text/html")
                .timeout(Duration.ofSeconds(60))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    String contentType = response.headers().firstValue("content-type").orElse("");
    assertTrue(contentType.startsWith("text/html"), contentType);
    assertTrue(response.body().toLowerCase().contains("<html"), response.body());
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /**
   * Whether the text names the scope as a whole word ({@code all.User} is not in {@code
   * all.User.read}).
   */
  private static boolean mentions(String text, String scope) {
    return Pattern.compile("(?<![\\w.*])" + Pattern.quote(scope) + "(?![\\w*]|\\.\\w)")
        .matcher(text)
        .find();
  }

  private static JsonObject operation(String path, String method) {
    JsonObject item = openApi.getJsonObject("paths").getJsonObject(path);
    assertNotNull(item, "missing path " + path);
    JsonObject operation = item.getJsonObject(method);
    assertNotNull(operation, path + " lacks " + method);
    return operation;
  }

  private static String requestSchema(String appSubPath, String method) {
    return requestSchemaOf(APP + appSubPath, method);
  }

  private static String requestSchemaOf(String path, String method) {
    JsonObject body = operation(path, method).getJsonObject("requestBody");
    assertNotNull(body, path + " " + method + " has no requestBody");
    return referencedName(body.getJsonObject("content"));
  }

  private static String responseSchema(String path, String method, String status) {
    JsonObject response = operation(path, method).getJsonObject("responses").getJsonObject(status);
    assertNotNull(response, path + " " + method + " has no " + status);
    return referencedName(response.getJsonObject("content"));
  }

  /**
   * The schema name the JSON content refers to, e.g. {@code DevicePost}, or the names of the
   * schemas it is one of, e.g. {@code Devices | ObjectFormDevices}.
   */
  private static String referencedName(JsonObject content) {
    assertNotNull(content);
    JsonObject json = content.getJsonObject("application/json");
    assertNotNull(json, content.keySet().toString());
    JsonObject schema = json.getJsonObject("schema");
    if (schema.containsKey("oneOf")) {
      return schema.getJsonArray("oneOf").getValuesAs(JsonObject.class).stream()
          .map(OperabilityIT::schemaName)
          .collect(Collectors.joining(" | "));
    }
    return schemaName(schema);
  }

  private static String schemaName(JsonObject schema) {
    String ref = schema.getString("$ref", "");
    assertTrue(ref.startsWith("#/components/schemas/"), schema.toString());
    return ref.substring("#/components/schemas/".length());
  }

  private static JsonObject schema(String name) {
    JsonObject schemas = openApi.getJsonObject("components").getJsonObject("schemas");
    JsonObject schema = schemas.getJsonObject(name);
    assertNotNull(schema, () -> "no schema " + name + " in " + schemas.keySet());
    return schema;
  }

  private static void assertProperties(String schemaName, String... properties) {
    JsonObject schema = schema(schemaName);
    JsonObject listed = schema.getJsonObject("properties");
    assertNotNull(listed, () -> schemaName + " has no properties: " + schema);
    Set<String> missing = new TreeSet<>(Set.of(properties));
    missing.removeAll(listed.keySet());
    assertEquals(
        Set.of(), missing, () -> schemaName + " lacks properties; it has " + listed.keySet());
  }
}
