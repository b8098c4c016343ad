package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Creating, listing and getting applications (docs/api.md, "Applications"). */
@ExtendWith(ArquillianExtension.class)
class ApplicationsIT {
  private static final Pattern ID = Pattern.compile("^[a-f0-9]{24}$");
  private static final Pattern DATE =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$");
  private static final String UNKNOWN_APPLICATION = "575ec8687ae143cd83dc4a97";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  Api owner;
  Fixtures fixtures;

  @BeforeEach
  void setUp() {
    owner = Api.owner();
    fixtures = new Fixtures(owner);
  }

  // ---------------------------------------------------------------------------------------------
  // Create

  @Test
  void creatingAnApplicationAnswersItsFieldsAndLocation() {
    Instant before = Instant.now().minusSeconds(5);
    String name = "fleet " + UUID.randomUUID();
    ApiResponse response =
        owner.post("/applications", body(name, "the north fleet", null)).expect(201);
    JsonObject application = response.object();

    String id = application.getString("id");
    assertTrue(ID.matcher(id).matches(), id);
    assertEquals(id, application.getString("applicationId"));
    assertEquals(name, application.getString("name"));
    assertEquals("the north fleet", application.getString("description"));
    assertTrue(
        DATE.matcher(application.getString("creationDate")).matches(), application.toString());
    assertTrue(
        DATE.matcher(application.getString("lastUpdated")).matches(), application.toString());
    assertTrue(Instant.parse(application.getString("creationDate")).isAfter(before));
    assertEquals(application.getString("creationDate"), application.getString("lastUpdated"));

    String location = response.header("location");
    assertTrue(
        location != null && location.endsWith("/applications/" + id),
        () -> "Location: " + location);
    assertTrue(response.header("content-type").startsWith("application/json"));
  }

  @Test
  void theCreatedApplicationCanBeRead() {
    JsonObject created =
        owner.post("/applications", body("readable", "described", null)).expect(201).object();
    JsonObject read = owner.get("/applications/" + created.getString("id")).expect(200).object();
    assertEquals(created, read);
  }

  @Test
  void anApplicationMayBelongToAnOrganization() {
    owner.post("/applications", body("org app", null, "5f0c1e2d3a4b5c6d7e8f9012")).expect(201);
  }

  @Test
  void theNameIsRequiredNonEmptyAndAtMost255Characters() {
    assertNamesField("name", owner.post("/applications", "{}"));
    assertNamesField("name", owner.post("/applications", "{\"description\":\"no name\"}"));
    assertNamesField("name", owner.post("/applications", body("", null, null)));
    assertNamesField("name", owner.post("/applications", body("n".repeat(256), null, null)));
    assertNamesField("name", owner.post("/applications", "{\"name\":42}"));
    owner.post("/applications", body("n".repeat(255), null, null)).expect(201);
  }

  @Test
  void theDescriptionIsAtMost32767Characters() {
    assertNamesField(
        "description", owner.post("/applications", body("d", "d".repeat(32768), null)));
    owner.post("/applications", body("d", "d".repeat(32767), null)).expect(201);
  }

  @Test
  void aMalformedOrgIdIsAValidationError() {
    assertNamesField("orgId", owner.post("/applications", body("o", null, "not-an-org")));
    assertNamesField(
        "orgId", owner.post("/applications", body("o", null, "5f0c1e2d3a4b5c6d7e8f901")));
  }

  @Test
  void anUnknownFieldIsAValidationErrorNamingIt() {
    assertNamesField("colour", owner.post("/applications", "{\"name\":\"x\",\"colour\":\"red\"}"));
    assertNamesField(
        "id",
        owner.post("/applications", "{\"name\":\"x\",\"id\":\"" + UNKNOWN_APPLICATION + "\"}"));
  }

  // ---------------------------------------------------------------------------------------------
  // List

  @Test
  void theListHasTheContractsFieldsAndDefaults() {
    fixtures.application();
    JsonObject list = owner.get("/applications").expect(200).object();
    assertEquals(0, list.getInt("page"));
    assertEquals(1000, list.getInt("perPage"));
    assertEquals(list.getJsonArray("items").size(), list.getInt("count"));
    assertTrue(list.getJsonNumber("totalCount").longValue() >= list.getInt("count"));
    assertTrue(list.getInt("count") >= 1);
  }

  @Test
  void pagesFollowOneAnotherWithoutGapsOrRepeats() {
    for (int i = 0; i < 6; i++) {
      fixtures.application();
    }
    JsonObject firstSix = owner.get("/applications?page=0&perPage=6").expect(200).object();
    assertEquals(6, firstSix.getInt("count"));
    long total = firstSix.getJsonNumber("totalCount").longValue();

    List<String> paged = new ArrayList<>();
    for (int page = 0; page < 3; page++) {
      JsonObject list = owner.get("/applications?page=" + page + "&perPage=2").expect(200).object();
      assertEquals(page, list.getInt("page"));
      assertEquals(2, list.getInt("perPage"));
      assertEquals(2, list.getInt("count"));
      assertEquals(total, list.getJsonNumber("totalCount").longValue());
      paged.addAll(ids(list));
    }
    assertEquals(ids(firstSix), paged);
  }

  @Test
  void aPagePastTheEndHasNoItemsButTheTotal() {
    fixtures.application();
    long total =
        owner.get("/applications").expect(200).object().getJsonNumber("totalCount").longValue();
    JsonObject past = owner.get("/applications?page=100000&perPage=1000").expect(200).object();
    assertEquals(0, past.getJsonArray("items").size());
    assertEquals(0, past.getInt("count"));
    assertEquals(total, past.getJsonNumber("totalCount").longValue());
    assertEquals(100000, past.getInt("page"));
  }

  @ParameterizedTest(name = "{0}={1} is a validation error")
  @CsvSource({
    "perPage, 0",
    "perPage, 1001",
    "perPage, abc",
    "perPage, -1",
    "page, -1",
    "page, x",
    "page, 1.5"
  })
  void malformedPagingIsAValidationError(String parameter, String value) {
    assertNamesField(parameter, owner.get("/applications?" + parameter + "=" + value));
  }

  @Test
  void anApplicationTokenSeesOnlyItsOwnApplication() {
    String mine = fixtures.application();
    fixtures.application();
    for (String scope : List.of("applications.get", "all.User", "all.Organization.read")) {
      JsonObject list = fixtures.as(mine, scope).get("/applications").expect(200).object();
      assertEquals(List.of(mine), ids(list), scope);
      assertEquals(1, list.getInt("count"), scope);
      assertEquals(1, list.getJsonNumber("totalCount").longValue(), scope);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Get one

  @Test
  void gettingOneApplicationAnswersIt() {
    String id = fixtures.application("single");
    JsonObject application = owner.get("/applications/" + id).expect(200).object();
    assertEquals(id, application.getString("id"));
    assertEquals(id, application.getString("applicationId"));
    assertEquals("single", application.getString("name"));
  }

  @Test
  void anApplicationTokenMayGetItsOwnApplication() {
    String id = fixtures.application();
    fixtures.as(id, "application.get").get("/applications/" + id).expect(200);
  }

  @Test
  void anUnknownApplicationIsNotFound() {
    assertEquals(
        "Application was not found",
        owner.get("/applications/" + UNKNOWN_APPLICATION).expectError(404, "NotFound").message());
  }

  @Test
  void aMalformedApplicationIdIsAValidationError() {
    assertNamesField("applicationId", owner.get("/applications/not-an-id"));
    assertNamesField("applicationId", owner.get("/applications/" + UNKNOWN_APPLICATION + "0"));
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private static String body(String name, String description, String orgId) {
    JsonObjectBuilder body = Json.createObjectBuilder().add("name", name);
    if (description != null) {
      body.add("description", description);
    }
    if (orgId != null) {
      body.add("orgId", orgId);
    }
    return body.build().toString();
  }

  private static List<String> ids(JsonObject list) {
    return list.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(item -> item.getString("id"))
        .toList();
  }

  private static void assertNamesField(String field, ApiResponse response) {
    String message = response.expectError(400, "Validation").message();
    assertTrue(message.contains(field), () -> "the message names " + field + ": " + message);
  }
}
