package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may do what (docs/api.md, "Scopes"): every cell of the scope tables over HTTP, the binding of
 * a token to its application, the owner token, missing and malformed credentials, and the order of
 * the checks (401, 403, 400, 404).
 *
 * <p>{@code @ParameterizedTest} runs in Arquillian's client mode ({@code testable = false}), so
 * each cell of a table is reported as a test of its own. The 38 single-scope tokens are created
 * once.
 */
@ExtendWith(ArquillianExtension.class)
class ScopeMatrixIT {
  private static final String UNKNOWN_APPLICATION = "575ec8687ae143cd83dc4a97";
  private static final String SOME_DEVICE_ID = "5f0c1e2d3a4b5c6d7e8f9012";
  private static final String DEVICE_BODY = "{\"name\":\"scope matrix device\"}";
  private static final String COMMAND_BODY =
      "{\"name\":\"x\",\"deviceIds\":[\"" + SOME_DEVICE_ID + "\"]}";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private static Api owner;
  private static Fixtures fixtures;

  /** The application every single-scope token belongs to. */
  private static String app;

  /** Another application, on which those tokens must not act. */
  private static String otherApp;

  /** For each known scope, a token of {@link #app} holding only that scope. */
  private static final Map<String, Api> TOKEN_WITH_ONLY = new LinkedHashMap<>();

  /** A token of {@link #app} that the single-token actions read and change. */
  private static String targetTokenId;

  /** A device of {@link #app} that the single-device actions read and change. */
  private static String targetDeviceId;

  @BeforeAll
  static void createOneTokenPerKnownScope() {
    owner = Api.owner();
    fixtures = new Fixtures(owner);
    app = fixtures.application("scope-matrix-" + UUID.randomUUID());
    otherApp = fixtures.application("scope-matrix-other-" + UUID.randomUUID());
    for (String scope : ScopeTable.KNOWN_SCOPES) {
      TOKEN_WITH_ONLY.put(scope, fixtures.as(app, scope));
    }
    targetTokenId = fixtures.apiToken(app, "devices.get").id();
    targetDeviceId = fixtures.namedDevice(app, "scope matrix target").id();
  }

  // ---------------------------------------------------------------------------------------------
  // The tables

  /** One action of a scope table: its request, and what an allowed caller gets. */
  record Action(
      String name,
      Set<String> allowingScopes,
      Function<Api, ApiResponse> request,
      Consumer<ApiResponse> whenAllowed) {}

  static List<Action> devicesActions() {
    return List.of(
        new Action(
            "Export",
            ScopeTable.DEVICES_EXPORT,
            api -> export(api, app),
            response -> assertTrue(response.expect(200).object().getBoolean("success"))),
        new Action("Get", ScopeTable.DEVICES_GET, api -> listDevices(api, app), r -> r.expect(200)),
        new Action(
            "Post", ScopeTable.DEVICES_POST, api -> postDevice(api, app), r -> r.expect(201)),
        new Action(
            "Send Command",
            ScopeTable.DEVICES_SEND_COMMAND,
            api -> sendCommand(api, app),
            response -> assertTrue(response.expect(200).object().getBoolean("success"))));
  }

  /** The bulk changes, each on a selection of no device, and the status of a delete job. */
  static List<Action> bulkActions() {
    String nothing = "{\"query\":{\"name\":\"no such device\"}";
    return List.of(
        new Action(
            "Patch many",
            ScopeTable.DEVICES_PATCH,
            api -> api.patch(devices(app), nothing + ",\"updateFields\":{\"description\":\"x\"}}"),
            r -> assertEquals(0, r.expect(200).object().getInt("updated"))),
        new Action(
            "Delete many",
            ScopeTable.DEVICES_DELETE,
            api -> api.post(devices(app) + "/delete", nothing + "}"),
            r -> assertEquals(0, r.expect(200).object().getInt("removed"))),
        new Action(
            "Restore many",
            ScopeTable.DEVICES_RESTORE,
            api -> api.post(devices(app) + "/restore", nothing + "}"),
            r -> assertEquals(0, r.expect(200).object().getInt("restored"))),
        new Action(
            "Job status (a delete job)",
            ScopeTable.DELETE_JOB_STATUS,
            api -> api.get(devices(app) + "/jobs/" + deleteJob()),
            r -> assertEquals("delete", r.expect(200).object().getString("action"))));
  }

  private static String deleteJob;

  /** A job of Delete many, made once by the owner. */
  private static synchronized String deleteJob() {
    if (deleteJob == null) {
      deleteJob =
          owner
              .post(
                  devices(app) + "/delete",
                  "{\"query\":{\"name\":\"no such device\"},\"forceJob\":true}")
              .expect(202)
              .object()
              .getString("jobId");
    }
    return deleteJob;
  }

  static List<Action> fleetMetadataActions() {
    return List.of(
        new Action(
            "Tag Keys",
            ScopeTable.DEVICES_TAG_KEYS,
            api -> api.get(devices(app) + "/tagKeys"),
            r -> r.expect(200).object().getJsonArray("tagKeys")),
        new Action(
            "Tag Values",
            ScopeTable.DEVICES_TAG_VALUES,
            api -> api.get(devices(app) + "/tagValues?key=floor"),
            r -> r.expect(200).object().getJsonArray("tagValues")),
        new Action(
            "Attribute Names",
            ScopeTable.DEVICES_ATTRIBUTE_NAMES,
            api -> api.get(devices(app) + "/attributeNames?dataType=number"),
            r -> r.expect(200).object().getJsonArray("attributeNames")),
        new Action(
            "Device Names",
            ScopeTable.DEVICES_DEVICE_NAMES,
            api -> api.get(devices(app) + "/deviceNames"),
            r -> r.expect(200).object().getJsonArray("deviceSummary")));
  }

  static List<Action> applicationActions() {
    return List.of(
        new Action(
            "POST /applications",
            ScopeTable.APPLICATIONS_POST,
            api -> api.post("/applications", named("scope-matrix-made-" + UUID.randomUUID())),
            r -> r.expect(201)),
        new Action(
            "GET /applications",
            ScopeTable.APPLICATIONS_GET,
            api -> api.get("/applications"),
            r -> r.expect(200)),
        new Action(
            "GET /applications/{id}",
            ScopeTable.APPLICATION_GET,
            api -> api.get("/applications/" + app),
            r -> r.expect(200)));
  }

  static List<Action> tokenActions() {
    return List.of(
        new Action(
            "POST tokens",
            ScopeTable.TOKENS_POST,
            api ->
                api.post(tokens(app), "{\"name\":\"made by a token\",\"scope\":[\"devices.get\"]}"),
            r -> r.expect(201)),
        new Action(
            "GET tokens", ScopeTable.TOKENS_GET, api -> api.get(tokens(app)), r -> r.expect(200)),
        new Action(
            "GET token",
            ScopeTable.TOKEN_GET,
            api -> api.get(token(app, targetTokenId)),
            r -> r.expect(200)),
        new Action(
            "PATCH token",
            ScopeTable.TOKEN_PATCH,
            api -> api.patch(token(app, targetTokenId), "{\"description\":\"patched\"}"),
            r -> r.expect(200)),
        new Action(
            "DELETE token",
            ScopeTable.TOKEN_DELETE,
            api -> api.delete(token(app, newVictimToken())),
            response ->
                assertEquals(JsonValue.TRUE, response.expect(200).object().get("success"))));
  }

  /** One device's actions; each Delete deletes a device of its own. */
  static List<Action> deviceActions() {
    return List.of(
        new Action(
            "Device Get",
            ScopeTable.DEVICE_GET,
            api -> api.get(device(app, targetDeviceId)),
            r -> r.expect(200).object().getString("id")),
        new Action(
            "Device Patch",
            ScopeTable.DEVICE_PATCH,
            api -> api.patch(device(app, targetDeviceId), "{\"description\":\"patched\"}"),
            r -> r.expect(200).object().getString("id")),
        new Action(
            "Device Delete",
            ScopeTable.DEVICE_DELETE,
            api -> api.delete(device(app, newVictimDevice())),
            r -> assertEquals(JsonValue.TRUE, r.expect(200).object().get("success"))),
        new Action(
            "Device Send Command",
            ScopeTable.DEVICE_SEND_COMMAND,
            api -> api.post(device(app, targetDeviceId) + "/command", "{\"name\":\"ping\"}"),
            r -> r.expect(200).object().getString("commandId")),
        new Action(
            "Device Get Command",
            ScopeTable.DEVICE_GET_COMMAND,
            api -> api.get(device(app, targetDeviceId) + "/command"),
            r -> r.expect(200).json().asJsonArray()));
  }

  static Stream<Arguments> devicesCells() {
    return cells(devicesActions());
  }

  static Stream<Arguments> deviceCells() {
    return cells(deviceActions());
  }

  static Stream<Arguments> bulkCells() {
    return cells(bulkActions());
  }

  static Stream<Arguments> fleetMetadataCells() {
    return cells(fleetMetadataActions());
  }

  static Stream<Arguments> applicationCells() {
    return cells(applicationActions());
  }

  static Stream<Arguments> tokenCells() {
    return cells(tokenActions());
  }

  /** Every known scope against every action, with the verdict of the table. */
  private static Stream<Arguments> cells(List<Action> actions) {
    List<Arguments> cells = new ArrayList<>();
    for (String scope : ScopeTable.KNOWN_SCOPES) {
      for (Action action : actions) {
        boolean allowed = action.allowingScopes().contains(scope);
        cells.add(
            Arguments.of(
                scope, Named.of(action.name(), action), allowed ? "allowed" : "forbidden"));
      }
    }
    return cells.stream();
  }

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @MethodSource("devicesCells")
  void devicesScopeTable(String scope, Action action, String verdict) {
    checkCell(scope, action, verdict);
  }

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @MethodSource("deviceCells")
  void deviceScopeTable(String scope, Action action, String verdict) {
    checkCell(scope, action, verdict);
  }

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @MethodSource("bulkCells")
  void bulkChangesScopeTable(String scope, Action action, String verdict) {
    checkCell(scope, action, verdict);
  }

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @MethodSource("fleetMetadataCells")
  void fleetMetadataScopeTable(String scope, Action action, String verdict) {
    checkCell(scope, action, verdict);
  }

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @MethodSource("applicationCells")
  void applicationsScopeTable(String scope, Action action, String verdict) {
    checkCell(scope, action, verdict);
  }

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @MethodSource("tokenCells")
  void apiTokensScopeTable(String scope, Action action, String verdict) {
    checkCell(scope, action, verdict);
  }

  /** Performs the action with the token holding only {@code scope}; failures name the cell. */
  private static void checkCell(String scope, Action action, String verdict) {
    ApiResponse response = action.request().apply(TOKEN_WITH_ONLY.get(scope));
    assertAll(
        "token with only " + scope + " → " + action.name() + " should be " + verdict,
        () -> {
          if (verdict.equals("allowed")) {
            action.whenAllowed().accept(response);
          } else {
            response.expectError(403, "Forbidden");
          }
        });
  }

  @Test
  void theTablesCoverEveryKnownScopeAndOnlyKnownScopes() {
    assertEquals(38, Set.copyOf(ScopeTable.KNOWN_SCOPES).size());
    for (List<Action> actions :
        List.of(
            devicesActions(),
            deviceActions(),
            bulkActions(),
            fleetMetadataActions(),
            applicationActions(),
            tokenActions())) {
      for (Action action : actions) {
        assertEquals(
            Set.of(),
            difference(action.allowingScopes(), Set.copyOf(ScopeTable.KNOWN_SCOPES)),
            action.name());
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Representative token-endpoint scopes, spelled out

  @Test
  void applicationApiTokensGetCanListButNotIssue() {
    Api lister = TOKEN_WITH_ONLY.get("applicationApiTokens.get");
    lister.get(tokens(app)).expect(200);
    lister.post(tokens(app), "{\"name\":\"nope\"}").expectError(403, "Forbidden");
  }

  @Test
  void applicationApiTokenPatchCanPatchButNotDeleteNorRead() {
    Api patcher = TOKEN_WITH_ONLY.get("applicationApiToken.patch");
    patcher.patch(token(app, targetTokenId), "{\"name\":\"renamed\"}").expect(200);
    patcher.delete(token(app, targetTokenId)).expectError(403, "Forbidden");
    patcher.get(token(app, targetTokenId)).expectError(403, "Forbidden");
    owner.get(token(app, targetTokenId)).expect(200);
  }

  @Test
  void applicationApiTokensPostCanIssueButNotList() {
    Api issuer = TOKEN_WITH_ONLY.get("applicationApiTokens.post");
    issuer.post(tokens(app), "{\"name\":\"issued\",\"scope\":[]}").expect(201);
    issuer.get(tokens(app)).expectError(403, "Forbidden");
  }

  // ---------------------------------------------------------------------------------------------
  // Binding and the owner

  @ParameterizedTest(name = "a token of one application holding {0} may not act on another")
  @ValueSource(strings = {"all.Application", "all.User", "all.Organization", "devices.*"})
  void aTokenActsOnlyOnItsOwnApplication(String scope) {
    Api token = TOKEN_WITH_ONLY.get(scope);
    export(token, otherApp).expectError(403, "Forbidden");
    listDevices(token, otherApp).expectError(403, "Forbidden");
    postDevice(token, otherApp).expectError(403, "Forbidden");
    sendCommand(token, otherApp).expectError(403, "Forbidden");
    for (String list : List.of("tagKeys", "tagValues", "attributeNames", "deviceNames")) {
      token.get(devices(otherApp) + "/" + list).expectError(403, "Forbidden");
    }
    token.get(device(otherApp, targetDeviceId)).expectError(403, "Forbidden");
    token.delete(device(otherApp, targetDeviceId)).expectError(403, "Forbidden");
  }

  @Test
  void aTokenCannotReachAnotherApplicationsOtherEndpointsEither() {
    Api token = TOKEN_WITH_ONLY.get("all.User");
    token.get("/applications/" + otherApp).expectError(403, "Forbidden");
    token.get(tokens(otherApp)).expectError(403, "Forbidden");
    token.post(tokens(otherApp), "{\"name\":\"x\"}").expectError(403, "Forbidden");
    token.get(token(otherApp, targetTokenId)).expectError(403, "Forbidden");
  }

  @Test
  void theOwnerTokenActsOnEveryApplication() {
    for (String application : List.of(app, otherApp)) {
      listDevices(owner, application).expect(200);
      postDevice(owner, application).expect(201);
      export(owner, application).expect(200);
      sendCommand(owner, application).expect(200);
      owner.get("/applications/" + application).expect(200);
      owner.get(tokens(application)).expect(200);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Missing and malformed credentials

  @Test
  void withoutAnAuthorizationHeaderEveryActionIsUnauthorized() {
    Api anonymous = owner.withToken(null);
    export(anonymous, app).expectError(401, "Unauthorized");
    listDevices(anonymous, app).expectError(401, "Unauthorized");
    postDevice(anonymous, app).expectError(401, "Unauthorized");
    sendCommand(anonymous, app).expectError(401, "Unauthorized");
    anonymous.get("/applications").expectError(401, "Unauthorized");
    anonymous.post("/applications", named("anonymous")).expectError(401, "Unauthorized");
    anonymous.get(tokens(app)).expectError(401, "Unauthorized");
  }

  @ParameterizedTest(name = "Authorization: \"{0}\" is unauthorized")
  @ValueSource(
      strings = {
        "Bearer not-a-token-of-this-server",
        "Bearer ",
        "Bearer",
        "Basic xyz",
        "Basic b3duZXJAaXQuZXhhbXBsZTpzZWNyZXQ="
      })
  void unusableAuthorizationHeadersAreUnauthorized(String header) {
    Api anonymous = owner.withToken(null);
    anonymous
        .send(anonymous.request(devices(app)).header("Authorization", header))
        .expectError(401, "Unauthorized");
  }

  @Test
  void theOwnerTokenWithoutTheBearerSchemeIsUnauthorized() {
    Api anonymous = owner.withToken(null);
    String ownerToken = System.getProperty("it.owner.token");
    for (String header : List.of("Basic " + ownerToken, ownerToken, "Token " + ownerToken)) {
      anonymous
          .send(anonymous.request(devices(app)).header("Authorization", header))
          .expectError(401, "Unauthorized");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Order of the checks: 401, 403, 400 (the request's shape), 404

  @Test
  void unauthorizedComesBeforeEverythingElse() {
    Api anonymous = owner.withToken(null);
    anonymous.post(devices("not-an-id"), "{\"name\":").expectError(401, "Unauthorized");
    anonymous.post(devices(UNKNOWN_APPLICATION), "{\"bogus\":1}").expectError(401, "Unauthorized");
    Api garbage = owner.withToken("garbage");
    garbage.post(devices(app), "{\"bogus\":1}").expectError(401, "Unauthorized");
  }

  @Test
  void forbiddenComesBeforeValidation() {
    Api reader = TOKEN_WITH_ONLY.get("devices.get");
    reader.post(devices(app), "{\"bogus\":1}").expectError(403, "Forbidden");
    reader.post(devices(app), "{\"name\":").expectError(403, "Forbidden");
    TOKEN_WITH_ONLY
        .get("devices.post")
        .get(devices(app) + "?perPage=0")
        .expectError(403, "Forbidden");
    TOKEN_WITH_ONLY.get("all.Application").get(devices("not-an-id")).expectError(403, "Forbidden");
  }

  @Test
  void validationComesAfterTheScopesAllowTheAction() {
    Api poster = TOKEN_WITH_ONLY.get("devices.post");
    String message =
        poster.post(devices(app), "{\"bogus\":1}").expectError(400, "Validation").message();
    assertTrue(message.contains("bogus"), message);
    TOKEN_WITH_ONLY
        .get("devices.get")
        .get(devices(app) + "?perPage=0")
        .expectError(400, "Validation");
  }

  @Test
  void forbiddenComesBeforeNotFoundForATokenBoundElsewhere() {
    Api token = TOKEN_WITH_ONLY.get("all.Application");
    listDevices(token, UNKNOWN_APPLICATION).expectError(403, "Forbidden");
    postDevice(token, UNKNOWN_APPLICATION).expectError(403, "Forbidden");
    export(token, UNKNOWN_APPLICATION).expectError(403, "Forbidden");
    sendCommand(token, UNKNOWN_APPLICATION).expectError(403, "Forbidden");
    token.get("/applications/" + UNKNOWN_APPLICATION).expectError(403, "Forbidden");
    listDevices(owner, UNKNOWN_APPLICATION).expectError(404, "NotFound");
  }

  @Test
  void theRequestsShapeIsCheckedBeforeExistence() {
    owner.post(devices(UNKNOWN_APPLICATION), "{\"bogus\":1}").expectError(400, "Validation");
    owner.get(devices(UNKNOWN_APPLICATION) + "?perPage=0").expectError(400, "Validation");
    owner.get(devices("not-an-id")).expectError(400, "Validation");
    owner.post(devices(UNKNOWN_APPLICATION), DEVICE_BODY).expectError(404, "NotFound");
  }

  // ---------------------------------------------------------------------------------------------
  // Requests

  private static ApiResponse export(Api api, String application) {
    return api.post(devices(application) + "/export", null);
  }

  private static ApiResponse listDevices(Api api, String application) {
    return api.get(devices(application));
  }

  private static ApiResponse postDevice(Api api, String application) {
    return api.post(devices(application), DEVICE_BODY);
  }

  private static ApiResponse sendCommand(Api api, String application) {
    return api.post(devices(application) + "/command", COMMAND_BODY);
  }

  private static String devices(String application) {
    return "/applications/" + application + "/devices";
  }

  private static String device(String application, String deviceId) {
    return devices(application) + "/" + deviceId;
  }

  /** A throw-away device of {@link #app} for a Delete cell. */
  private static String newVictimDevice() {
    return fixtures.namedDevice(app, "scope matrix victim").id();
  }

  private static String tokens(String application) {
    return "/applications/" + application + "/tokens";
  }

  private static String token(String application, String tokenId) {
    return tokens(application) + "/" + tokenId;
  }

  /** A throw-away token of {@link #app} for a DELETE cell. */
  private static String newVictimToken() {
    return fixtures.apiToken(app).id();
  }

  private static String named(String name) {
    JsonObject body = Json.createObjectBuilder().add("name", name).build();
    return body.toString();
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> result = new java.util.HashSet<>(a);
    result.removeAll(b);
    return result;
  }
}
