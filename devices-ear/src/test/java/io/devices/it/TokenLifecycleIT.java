package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The life of an application API token : issue, use, list, inspect, rename, deactivate, reactivate,
 * delete, expire, and the validation of what a client sends.
 */
@ExtendWith(ArquillianExtension.class)
class TokenLifecycleIT {
  private static final String OWNER_EMAIL = "owner@it.example";
  private static final Pattern ID = Pattern.compile("^[a-f0-9]{24}$");
  private static final Pattern DATE =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$");
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final String UNKNOWN_TOKEN_ID = "5f0c1e2d3a4b5c6d7e8f9012";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  Api owner;
  Fixtures fixtures;
  String app;

  @BeforeEach
  void setUp() {
    owner = Api.owner();
    fixtures = new Fixtures(owner);
    app = fixtures.application();
  }

  // ---------------------------------------------------------------------------------------------
  // Issue

  @Test
  void issuingATokenAnswersEveryFieldOfTheContract() {
    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String expiration = iso(Instant.now().plus(Duration.ofDays(1)));
    ApiResponse response =
        owner
            .post(
                tokens(app),
                body("ci token", "for the pipeline", expiration, "devices.get", "devices.post"))
            .expect(201);
    JsonObject token = response.object();

    assertTrue(ID.matcher(token.getString("id")).matches(), token.toString());
    assertEquals(token.getString("id"), token.getString("apiTokenId"));
    assertEquals(app, token.getString("ownerId"));
    assertEquals("application", token.getString("ownerType"));
    assertEquals("user", token.getString("creatorType"));
    assertTrue(ID.matcher(token.getString("creatorId")).matches(), token.toString());
    assertEquals(OWNER_EMAIL, token.getString("creatorName"));
    assertEquals("ci token", token.getString("name"));
    assertEquals("for the pipeline", token.getString("description"));
    assertDate(token.getString("creationDate"));
    assertDate(token.getString("lastUpdated"));
    assertFalse(Instant.parse(token.getString("creationDate")).isBefore(before.minusSeconds(5)));
    assertEquals(expiration, token.getString("expirationDate"));
    assertEquals(List.of("devices.get", "devices.post"), strings(token, "scope"));
    assertEquals("active", token.getString("status"));
    assertFalse(token.getString("token").isBlank());
    assertTrue(
        response.header("content-type").startsWith("application/json"),
        response.header("content-type"));
  }

  @Test
  void anIssuedTokenWorksAsABearerWithinItsScopes() {
    Api token = bearer(issue("reader", "devices.get"));
    token.get(devices(app)).expect(200);
    token.post(devices(app), "{\"name\":\"d\"}").expectError(403, "Forbidden");
  }

  @Test
  void aTokenIssuedByAnApplicationTokenNamesThatTokenAsItsCreator() {
    JsonObject issuer = issue("issuer", "applicationApiTokens.post");
    JsonObject issued =
        bearer(issuer)
            .post(tokens(app), body("issued by a token", null, null, "devices.get"))
            .expect(201)
            .object();
    assertEquals("apiToken", issued.getString("creatorType"));
    assertEquals(issuer.getString("id"), issued.getString("creatorId"));
    assertEquals(app, issued.getString("ownerId"));
    bearer(issued).get(devices(app)).expect(200);
  }

  // ---------------------------------------------------------------------------------------------
  // Read

  @Test
  void listingTokensNeverShowsTheirSecrets() {
    JsonObject first = issue("first", "devices.get");
    JsonObject second = issue("second", "devices.post");
    JsonObject list = owner.get(tokens(app)).expect(200).object();
    List<JsonObject> items =
        list.getJsonArray("items").getValuesAs(JsonObject.class).stream().toList();
    assertEquals(2, items.size(), list.toString());
    for (JsonObject item : items) {
      assertFalse(item.containsKey("token"), () -> "the secret is listed: " + item);
    }
    assertEquals(
        List.of(first.getString("id"), second.getString("id")).stream().sorted().toList(),
        items.stream().map(item -> item.getString("id")).sorted().toList());
    assertEquals(withoutSecret(first), byId(items, first.getString("id")));
  }

  @Test
  void gettingOneTokenShowsItWithoutItsSecret() {
    JsonObject issued = issue("one", "devices.get");
    JsonObject got = owner.get(token(app, issued.getString("id"))).expect(200).object();
    assertFalse(got.containsKey("token"), got.toString());
    assertEquals(withoutSecret(issued), got);
  }

  // ---------------------------------------------------------------------------------------------
  // Change

  @Test
  void patchingTheNameAndDescriptionChangesThemAndMovesLastUpdated() throws InterruptedException {
    JsonObject issued = issue("before", "devices.get");
    Thread.sleep(20);
    JsonObject patched =
        owner
            .patch(
                token(app, issued.getString("id")),
                "{\"name\":\"after\",\"description\":\"now described\"}")
            .expect(200)
            .object();
    assertEquals("after", patched.getString("name"));
    assertEquals("now described", patched.getString("description"));
    assertFalse(patched.containsKey("token"), patched.toString());
    assertEquals(issued.getString("creationDate"), patched.getString("creationDate"));
    assertTrue(
        Instant.parse(patched.getString("lastUpdated"))
            .isAfter(Instant.parse(issued.getString("lastUpdated"))),
        () -> issued.getString("lastUpdated") + " -> " + patched.getString("lastUpdated"));
    assertEquals(patched, owner.get(token(app, issued.getString("id"))).expect(200).object());
  }

  @Test
  void anInactiveTokenIsRefusedFromItsNextRequestUntilReactivated() {
    JsonObject issued = issue("switchable", "devices.get");
    Api token = bearer(issued);
    token.get(devices(app)).expect(200);

    JsonObject inactive =
        owner
            .patch(token(app, issued.getString("id")), "{\"status\":\"inactive\"}")
            .expect(200)
            .object();
    assertEquals("inactive", inactive.getString("status"));
    token.get(devices(app)).expectError(401, "Unauthorized");

    JsonObject active =
        owner
            .patch(token(app, issued.getString("id")), "{\"status\":\"active\"}")
            .expect(200)
            .object();
    assertEquals("active", active.getString("status"));
    token.get(devices(app)).expect(200);
  }

  @Test
  void aTokenMayDeactivateItselfAndIsRefusedRightAfter() {
    JsonObject issued = issue("self", "applicationApiToken.patch", "devices.get");
    Api token = bearer(issued);
    token.patch(token(app, issued.getString("id")), "{\"status\":\"inactive\"}").expect(200);
    token.get(devices(app)).expectError(401, "Unauthorized");
  }

  // ---------------------------------------------------------------------------------------------
  // Delete and expire

  @Test
  void aDeletedTokenIsRefusedAndGone() {
    JsonObject issued = issue("doomed", "devices.get");
    Api token = bearer(issued);
    token.get(devices(app)).expect(200);

    JsonObject answer = owner.delete(token(app, issued.getString("id"))).expect(200).object();
    assertEquals(Json.createObjectBuilder().add("success", true).build(), answer);

    token.get(devices(app)).expectError(401, "Unauthorized");
    owner.get(token(app, issued.getString("id"))).expectError(404, "NotFound");
    owner.delete(token(app, issued.getString("id"))).expectError(404, "NotFound");
    assertTrue(
        owner.get(tokens(app)).expect(200).items().getValuesAs(JsonObject.class).stream()
            .noneMatch(item -> item.getString("id").equals(issued.getString("id"))));
  }

  @Test
  void anExpiredTokenIsRefused() throws InterruptedException {
    Instant expiry = Instant.now().plusMillis(2500).truncatedTo(ChronoUnit.MILLIS);
    JsonObject issued =
        owner
            .post(tokens(app), body("short-lived", null, iso(expiry), "devices.get"))
            .expect(201)
            .object();
    Api token = bearer(issued);
    if (Instant.now().isBefore(expiry.minusMillis(500))) {
      token.get(devices(app)).expect(200);
    }
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis()) + 500);
    token.get(devices(app)).expectError(401, "Unauthorized");
  }

  // ---------------------------------------------------------------------------------------------
  // Validation of what the client sends

  @Test
  void anExpirationDateInThePastIsAValidationError() {
    String past = iso(Instant.now().minus(Duration.ofHours(1)));
    assertNamesField(
        "expirationDate", owner.post(tokens(app), body("late", null, past, "devices.get")));
  }

  @Test
  void aMalformedExpirationDateIsAValidationError() {
    assertNamesField(
        "expirationDate",
        owner.post(tokens(app), body("odd date", null, "next tuesday", "devices.get")));
  }

  @Test
  void anUnknownScopeIsAValidationErrorNamingTheEntry() {
    ApiResponse response =
        owner.post(tokens(app), body("bad scope", null, null, "devices.get", "devices.fly"));
    assertNamesField("scope[1]", response);
    assertTrue(response.message().contains("devices.fly"), response.message());
  }

  @Test
  void scopesAreMatchedExactly() {
    assertNamesField("scope[0]", owner.post(tokens(app), body("case", null, null, "Devices.Get")));
    assertNamesField("scope[0]", owner.post(tokens(app), body("star", null, null, "*")));
  }

  @Test
  void anUnknownFieldIsAValidationErrorNamingIt() {
    assertNamesField(
        "colour", owner.post(tokens(app), "{\"name\":\"x\",\"colour\":\"red\",\"scope\":[]}"));
  }

  @Test
  void theNameIsRequiredAndAtMost255Characters() {
    assertNamesField("name", owner.post(tokens(app), "{\"scope\":[\"devices.get\"]}"));
    assertNamesField("name", owner.post(tokens(app), body("", null, null, "devices.get")));
    assertNamesField(
        "name", owner.post(tokens(app), body("n".repeat(256), null, null, "devices.get")));
    owner.post(tokens(app), body("n".repeat(255), null, null, "devices.get")).expect(201);
  }

  @Test
  void aDescriptionOver32767CharactersIsAValidationError() {
    assertNamesField(
        "description",
        owner.post(tokens(app), body("long", "d".repeat(32768), null, "devices.get")));
  }

  @Test
  void patchRefusesABogusStatusAndBadNames() {
    String id = issue("patchable", "devices.get").getString("id");
    assertNamesField("status", owner.patch(token(app, id), "{\"status\":\"bogus\"}"));
    assertNamesField("status", owner.patch(token(app, id), "{\"status\":\"ACTIVE\"}"));
    assertNamesField("name", owner.patch(token(app, id), "{\"name\":\"\"}"));
    assertNamesField("name", owner.patch(token(app, id), "{\"name\":\"" + "n".repeat(256) + "\"}"));
    assertEquals("patchable", owner.get(token(app, id)).expect(200).object().getString("name"));
  }

  // ---------------------------------------------------------------------------------------------
  // Ids

  @Test
  void tokensOfAnotherApplicationAreNotFound() {
    String otherApp = fixtures.application();
    JsonObject foreign = fixtures.token(otherApp, List.of("devices.get"));
    String path = token(app, foreign.getString("id"));
    owner.get(path).expectError(404, "NotFound");
    owner.patch(path, "{\"status\":\"inactive\"}").expectError(404, "NotFound");
    owner.delete(path).expectError(404, "NotFound");
    bearer(foreign).get(devices(otherApp)).expect(200);
  }

  @Test
  void unknownTokenIdsAreNotFound() {
    owner.get(token(app, UNKNOWN_TOKEN_ID)).expectError(404, "NotFound");
    owner.patch(token(app, UNKNOWN_TOKEN_ID), "{\"name\":\"x\"}").expectError(404, "NotFound");
    owner.delete(token(app, UNKNOWN_TOKEN_ID)).expectError(404, "NotFound");
  }

  @Test
  void malformedTokenIdsAreValidationErrors() {
    for (String malformed :
        List.of("not-an-id", "5f0c1e2d3a4b5c6d7e8f901", "5f0c1e2d3a4b5c6d7e8f901g")) {
      assertNamesField("apiTokenId", owner.get(token(app, malformed)));
      assertNamesField("apiTokenId", owner.patch(token(app, malformed), "{\"name\":\"x\"}"));
      assertNamesField("apiTokenId", owner.delete(token(app, malformed)));
    }
  }

  @Test
  void theTokensOfAnUnknownApplicationAreNotFound() {
    String unknown = "575ec8687ae143cd83dc4a97";
    assertEquals(
        "Application was not found",
        owner.get(tokens(unknown)).expectError(404, "NotFound").message());
    owner.post(tokens(unknown), body("x", null, null, "devices.get")).expectError(404, "NotFound");
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private JsonObject issue(String name, String... scopes) {
    return owner.post(tokens(app), body(name, null, null, scopes)).expect(201).object();
  }

  private Api bearer(JsonObject issuedToken) {
    return owner.withToken(issuedToken.getString("token"));
  }

  private static String body(
      String name, String description, String expirationDate, String... scopes) {
    JsonObjectBuilder body = Json.createObjectBuilder().add("name", name);
    if (description != null) {
      body.add("description", description);
    }
    if (expirationDate != null) {
      body.add("expirationDate", expirationDate);
    }
    JsonArrayBuilder scope = Json.createArrayBuilder();
    for (String s : scopes) {
      scope.add(s);
    }
    return body.add("scope", scope).build().toString();
  }

  private static JsonObject withoutSecret(JsonObject token) {
    return Json.createObjectBuilder(token).remove("token").build();
  }

  private static JsonObject byId(List<JsonObject> items, String id) {
    return items.stream().filter(item -> item.getString("id").equals(id)).findFirst().orElseThrow();
  }

  private static List<String> strings(JsonObject object, String field) {
    return object.getJsonArray(field).getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  private static void assertNamesField(String field, ApiResponse response) {
    String message = response.expectError(400, "Validation").message();
    assertTrue(message.contains(field), () -> "the message names " + field + ": " + message);
  }

  private static void assertDate(String value) {
    assertTrue(DATE.matcher(value).matches(), value);
  }

  private static String iso(Instant instant) {
    return ISO_MILLIS.format(instant);
  }

  private static String devices(String application) {
    return "/applications/" + application + "/devices";
  }

  private static String tokens(String application) {
    return "/applications/" + application + "/tokens";
  }

  private static String token(String application, String tokenId) {
    return tokens(application) + "/" + tokenId;
  }
}
