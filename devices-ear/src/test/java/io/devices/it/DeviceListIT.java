package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.testsupport.glob.NameGlobOracle;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Get /applications/{id}/devices (docs/api.md, "List devices") on a fleet of awkwardly named and
 * tagged devices, created once for the class in a fresh application. Every expected list is
 * computed here, from the devices as created, with this class's own glob matcher, tag matcher and
 * comparators, and compared with the server's answer as an exact list of ids.
 */
@ExtendWith(ArquillianExtension.class)
class DeviceListIT {
  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private static final String CLIENT_EXTRAS = "_actions=false&_links=true&_embedded=true";

  private static Api owner;
  private static String app;
  private static String devices;

  /** The fleet in creation order: what was posted and what the server answered. */
  private static List<Created> fleet;

  /** One device of the fleet: the request body and the 201 body. */
  record Created(JsonObject body, JsonObject device) {
    String id() {
      return device.getString("id");
    }

    String name() {
      return device.getString("name");
    }

    Instant creationDate() {
      return Instant.parse(device.getString("creationDate"));
    }

    Instant lastUpdated() {
      return Instant.parse(device.getString("lastUpdated"));
    }

    List<Map.Entry<String, String>> tags() {
      return body.containsKey("tags")
          ? body.getJsonArray("tags").getValuesAs(JsonObject.class).stream()
              .map(t -> Map.entry(t.getString("key"), t.getString("value")))
              .toList()
          : List.of();
    }
  }

  @BeforeAll
  static void createFleet() {
    owner = Api.owner();
    app = new Fixtures(owner).application("device-list-it");
    devices = "/applications/" + app + "/devices";
    Fixtures fixtures = new Fixtures(owner);
    // Posted as raw JSON, not through the typed client: each posted body and its 201 body are
    // compared with the listed items as JSON (everyListedDeviceIsTheDeviceAsCreated).
    fleet = new ArrayList<>();
    for (JsonObject body : fleetBodies()) {
      fleet.add(new Created(body, fixtures.device(app, body.toString())));
    }
    JsonObject gateway =
        Json.createObjectBuilder()
            .add("name", "gw-main")
            .add("deviceClass", "gateway")
            .add("tags", tags("kind", "gateway"))
            .build();
    Created gw = new Created(gateway, fixtures.device(app, gateway.toString()));
    fleet.add(gw);
    JsonObject peripheral =
        Json.createObjectBuilder()
            .add("name", "periph-1")
            .add("deviceClass", "peripheral")
            .add("gatewayId", gw.id())
            .add("tags", tags("floor", "8"))
            .build();
    fleet.add(new Created(peripheral, fixtures.device(app, peripheral.toString())));
    assertTrue(fleet.size() >= 50, "the fleet has at least 50 devices");
  }

  private static List<JsonObject> fleetBodies() {
    List<JsonObject> bodies = new ArrayList<>();
    // SQL LIKE and regex metacharacters that the glob treats as literals, with look-alikes.
    for (String name :
        List.of(
            "a_b",
            "axb",
            "a_b_c",
            "a.b",
            "50%",
            "500",
            "5000",
            "[x]",
            "[x",
            "x",
            "back\\slash",
            "backXslash",
            "what?",
            "whats")) {
      bodies.add(named(name).build());
    }
    // Mixed case: the same name in three spellings, and names sharing the prefix.
    bodies.add(named("Dev").add("tags", tags("env", "prod")).build());
    bodies.add(named("dev").add("tags", tags("env", "dev")).build());
    bodies.add(named("DEV").add("tags", tags("env", "prod", "kind", "sensor")).build());
    bodies.add(named("device").build());
    bodies.add(named("Devices").build());
    // Unicode: letters that fold, CJK, emoji (outside the BMP).
    for (String name :
        List.of(
            "Äpfel",
            "äpfel",
            "ÄPFEL",
            "日本",
            "日本語",
            "🚀",
            "🚀 rocket",
            "rocket 🚀",
            "café",
            "CAFÉ")) {
      bodies.add(named(name).build());
    }
    // Duplicates: four names that are equal once lower-cased, so only the id orders them.
    bodies.add(named("twin").add("tags", tags("kind", "twin")).build());
    bodies.add(named("twin").add("tags", tags("kind", "twin", "floor", "8")).build());
    bodies.add(named("Twin").add("tags", tags("kind", "twin")).build());
    bodies.add(named("twin").add("description", "the last twin").build());
    // Shared prefixes.
    for (String name :
        List.of(
            "sensor",
            "sensor-1",
            "sensor-10",
            "sensor-2",
            "Sensor-20",
            "sensorA",
            "sensor_b",
            "sensor 3")) {
      bodies.add(named(name).build());
    }
    bodies.add(
        named("my device")
            .add("description", "Erdgeschoss, Raum 1 — ü")
            .add("attributes", attributes("temp", "number"))
            .build());
    bodies.add(named("my  device").build());
    bodies.add(named("my other device").add("deviceClass", "floating").build());
    // Tagged nodes: repeated keys, the same value under different keys, values that are prefixes.
    bodies.add(named("node-00").add("tags", tags("floor", "1", "room", "101")).build());
    bodies.add(named("node-01").add("tags", tags("floor", "8", "room", "801")).build());
    bodies.add(named("node-02").add("tags", tags("floor", "8", "floor", "9")).build());
    bodies.add(named("node-03").add("tags", tags("room", "8")).build());
    bodies.add(named("node-04").add("tags", tags("serial", "8", "kind", "sensor")).build());
    bodies.add(named("node-05").add("tags", tags("kind", "meter", "floor", "9")).build());
    bodies.add(named("node-06").add("tags", tags("kind", "sensor", "floor", "8")).build());
    bodies.add(named("node-07").add("tags", tags("serial", "A-1", "label", "Halle 1 ü")).build());
    bodies.add(named("node-08").add("tags", tags("floor", "10")).build());
    bodies.add(named("node-09").add("tags", tags("floor", "80")).build());
    bodies.add(named("node-10").add("tags", tags("Floor", "8")).build());
    bodies.add(
        named("node-11")
            .add("deviceClass", "virtual")
            .add(
                "attributes",
                attributes("temp", "number", "where", "gps", "on", "boolean", "label", "string"))
            .build());
    return bodies;
  }

  // ---------------------------------------------------------------------------------------------
  // Order

  @Test
  void theDefaultOrderIsByCaseFoldedNameThenId() {
    ApiResponse response = owner.get(devices).expect(200);
    assertEquals(ids(sorted(byName())), ids(response));
    JsonObject page = response.object();
    assertAll(
        () -> assertEquals("name", page.getString("sortField")),
        () -> assertEquals("asc", page.getString("sortDirection")),
        () -> assertEquals(0, page.getInt("page")),
        () -> assertEquals(1000, page.getInt("perPage")),
        () -> assertEquals(fleet.size(), page.getInt("count")),
        () -> assertEquals(fleet.size(), page.getInt("totalCount")));
  }

  @Test
  void duplicateNamesAreOrderedById() {
    List<String> twins = ids(owner.get(devices + query("filter", "twin")).expect(200));
    List<String> expected =
        fleet.stream()
            .filter(d -> d.name().equalsIgnoreCase("twin"))
            .map(Created::id)
            .sorted()
            .toList();
    assertEquals(4, expected.size());
    assertEquals(expected, twins);
  }

  @ParameterizedTest(name = "sortField={0} sortDirection={1}")
  @CsvSource({
    "name, asc",
    "name, desc",
    "id, asc",
    "id, desc",
    "creationDate, asc",
    "creationDate, desc",
    "lastUpdated, asc",
    "lastUpdated, desc"
  })
  void everySortFieldAndDirectionOrdersTheWholeFleetWithIdAsTieBreak(
      String sortField, String direction) {
    ApiResponse response =
        owner.get(devices + query("sortField", sortField, "sortDirection", direction)).expect(200);
    assertEquals(ids(sorted(order(sortField, direction))), ids(response));
    assertEquals(sortField, response.object().getString("sortField"));
    assertEquals(direction, response.object().getString("sortDirection"));
  }

  @ParameterizedTest(name = "sortField={0}")
  @ValueSource(strings = {"bogus", "Name", "ID", "creation_date", "lastupdated", "updatedAt"})
  void anUnknownSortFieldIsRejected(String sortField) {
    assertValidation(
        query("sortField", sortField),
        "sortField must be one of name, id, creationDate, lastUpdated");
  }

  /**
   * No device is changed after its creation yet, so lastUpdated is its creation time, and devices
   * created in the same millisecond tie: the order by lastUpdated must then be the order by id, in
   * either direction, on every page.
   */
  @ParameterizedTest(name = "sortDirection={0}")
  @ValueSource(strings = {"asc", "desc"})
  void lastUpdatedIsTheCreationTimeAndItsTiesAreOrderedById(String direction) {
    fleet.forEach(d -> assertEquals(d.creationDate(), d.lastUpdated(), d.id()));
    List<String> expected = ids(sorted(order("lastUpdated", direction)));
    List<String> listed = new ArrayList<>();
    for (int page = 0; page * 5 < fleet.size(); page++) {
      listed.addAll(
          ids(
              owner
                  .get(
                      devices
                          + query(
                              "sortField",
                              "lastUpdated",
                              "sortDirection",
                              direction,
                              "perPage",
                              "5",
                              "page",
                              String.valueOf(page)))
                  .expect(200)));
    }
    assertEquals(expected, listed);
  }

  @ParameterizedTest(name = "sortDirection={0}")
  @ValueSource(strings = {"up", "DESC", "ascending", "-1"})
  void anUnknownSortDirectionIsRejected(String direction) {
    assertValidation(query("sortDirection", direction), "sortDirection must be one of asc, desc");
  }

  // ---------------------------------------------------------------------------------------------
  // Paging

  @ParameterizedTest(name = "sortField={0} sortDirection={1}")
  @CsvSource({"name, asc", "name, desc", "id, asc", "creationDate, desc"})
  void walkingAllPagesOfSevenYieldsTheWholeSortedList(String sortField, String direction) {
    List<String> expected = ids(sorted(order(sortField, direction)));
    int pages = (expected.size() + 6) / 7;
    List<String> walked = new ArrayList<>();
    for (int page = 0; page < pages; page++) {
      JsonObject body =
          owner
              .get(
                  devices
                      + query(
                          "sortField",
                          sortField,
                          "sortDirection",
                          direction,
                          "perPage",
                          "7",
                          "page",
                          String.valueOf(page)))
              .expect(200)
              .object();
      int expectedCount = Math.min(7, expected.size() - page * 7);
      int current = page;
      assertAll(
          "page " + page,
          () -> assertEquals(expectedCount, body.getInt("count")),
          () -> assertEquals(expectedCount, body.getJsonArray("items").size()),
          () -> assertEquals(expected.size(), body.getInt("totalCount")),
          () -> assertEquals(current, body.getInt("page")),
          () -> assertEquals(7, body.getInt("perPage")));
      walked.addAll(ids(body));
    }
    assertEquals(expected, walked);

    JsonObject pastTheEnd =
        owner
            .get(devices + query("perPage", "7", "page", String.valueOf(pages)))
            .expect(200)
            .object();
    assertAll(
        () -> assertEquals(0, pastTheEnd.getJsonArray("items").size()),
        () -> assertEquals(0, pastTheEnd.getInt("count")),
        () -> assertEquals(expected.size(), pastTheEnd.getInt("totalCount")),
        () -> assertEquals(pages, pastTheEnd.getInt("page")));
  }

  @Test
  void pagingAFilteredListCountsOnlyTheMatches() {
    List<String> expected = ids(sorted(byName(), nameMatches("sensor*")));
    JsonObject second =
        owner
            .get(devices + query("filter", "sensor*", "perPage", "3", "page", "1"))
            .expect(200)
            .object();
    assertEquals(expected.subList(3, 6), ids(second));
    assertEquals(expected.size(), second.getInt("totalCount"));
    assertEquals(3, second.getInt("count"));
  }

  @Test
  void theLargestPageIsEmptyButCountsEverything() {
    JsonObject body = owner.get(devices + query("page", "2147483647")).expect(200).object();
    assertAll(
        () -> assertEquals(0, body.getJsonArray("items").size()),
        () -> assertEquals(0, body.getInt("count")),
        () -> assertEquals(fleet.size(), body.getInt("totalCount")),
        () -> assertEquals(2147483647, body.getInt("page")));
  }

  @ParameterizedTest(name = "perPage={0}")
  @ValueSource(strings = {"1", "999", "1000"})
  void perPageWithinBoundsIsHonoured(String perPage) {
    JsonObject body = owner.get(devices + query("perPage", perPage)).expect(200).object();
    int size = Math.min(Integer.parseInt(perPage), fleet.size());
    assertEquals(ids(sorted(byName())).subList(0, size), ids(body));
    assertEquals(Integer.parseInt(perPage), body.getInt("perPage"));
    assertEquals(size, body.getInt("count"));
  }

  static Stream<Arguments> badPaging() {
    String perPageRule = "perPage must be between 1 and 1000";
    String pageRule = "page must be a non-negative integer";
    return Stream.of(
        Arguments.of("perPage", "0", perPageRule),
        Arguments.of("perPage", "1001", perPageRule),
        Arguments.of("perPage", "-1", perPageRule),
        Arguments.of("perPage", "abc", perPageRule),
        Arguments.of("perPage", "1.5", perPageRule),
        Arguments.of("perPage", "1e3", perPageRule),
        Arguments.of("perPage", " 7", perPageRule),
        Arguments.of("perPage", "99999999999", perPageRule),
        Arguments.of("page", "-1", pageRule),
        Arguments.of("page", "abc", pageRule),
        Arguments.of("page", "1.5", pageRule),
        Arguments.of("page", "+1", pageRule),
        Arguments.of("page", "0x10", pageRule),
        Arguments.of("page", "99999999999", pageRule),
        Arguments.of("page", "2147483648", "page must be at most 2147483647"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("badPaging")
  void pagingValuesThatAreNotInRangeAreRejectedNamingTheField(
      String field, String value, String message) {
    assertValidation(query(field, value), message);
  }

  // ---------------------------------------------------------------------------------------------
  // Name filter

  @ParameterizedTest(name = "filter={0}")
  @ValueSource(
      strings = {
        "*",
        "a_b",
        "a?b",
        "*_*",
        "_",
        "%",
        "50%",
        "*%*",
        "50*",
        "a.b",
        "[x]",
        "[x*",
        "*[*",
        "back\\slash",
        "back?slash",
        "*\\*",
        "what?",
        "dev",
        "DEV*",
        "d?v",
        "äpfel",
        "ÄPFEL",
        "日本*",
        "*本",
        "*🚀*",
        "🚀*",
        "café",
        "CAFE",
        "twin",
        "sensor",
        "sensor-?",
        "sensor-*",
        "SENSOR?*",
        "my * device",
        "*device*",
        "no such device",
        "**",
        "*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*"
      })
  void aFilterIsACaseInsensitiveWholeNameGlobWithOnlyStarAndQuestionMarkAsWildcards(String filter) {
    List<String> expected = ids(sorted(byName(), nameMatches(filter)));
    JsonObject body =
        owner.get(devices + query("filterField", "name", "filter", filter)).expect(200).object();
    assertEquals(expected, ids(body), () -> "names: " + names(body));
    assertEquals(expected.size(), body.getInt("totalCount"));
    assertEquals(filter, body.getString("filter"));
    assertEquals("name", body.getString("filterField"));
  }

  @Test
  void theGlobsUsedAboveSelectWhatTheyShould() {
    // Guards the independent matcher itself against being vacuous.
    assertEquals(List.of("a_b"), names(sorted(byName(), nameMatches("a_b"))));
    assertEquals(List.of("50%"), names(sorted(byName(), nameMatches("50%"))));
    assertEquals(List.of(), names(sorted(byName(), nameMatches("%"))));
    assertEquals(
        Set.of("Äpfel", "äpfel", "ÄPFEL"),
        Set.copyOf(names(sorted(byName(), nameMatches("äPFEL")))));
    assertEquals(List.of("x", "🚀"), names(sorted(byName(), nameMatches("?"))));
  }

  @Test
  void questionMarkMatchesOneCharacterEvenOutsideTheBasicPlane() {
    // "🚀" is one character (one code point, two UTF-16 units): "?" matches it, "??" does not.
    // The API counts characters as code points (a 255-character name may be 255 emoji).
    assertAll(
        Stream.of("?", "??", "? rocket", "rocket ?")
            .map(
                glob ->
                    () -> {
                      JsonObject body =
                          owner.get(devices + query("filter", glob)).expect(200).object();
                      assertEquals(
                          names(sorted(byName(), nameMatches(glob))),
                          names(body),
                          "filter " + glob);
                    }));
  }

  @Test
  void aFilterWithoutFilterFieldFiltersByName() {
    JsonObject body = owner.get(devices + query("filter", "dev")).expect(200).object();
    assertEquals(ids(sorted(byName(), nameMatches("dev"))), ids(body));
    assertEquals("dev", body.getString("filter"));
    assertEquals("name", body.getString("filterField", "name"), "filterField, if echoed");
  }

  @Test
  void aBlankFilterFieldWithAFilterFiltersByName() {
    JsonObject body =
        owner.get(devices + query("filterField", "", "filter", "sensor-*")).expect(200).object();
    assertEquals(ids(sorted(byName(), nameMatches("sensor-*"))), ids(body));
  }

  @ParameterizedTest(name = "filter=\"{0}\"")
  @ValueSource(strings = {"", " ", "   "})
  void aBlankFilterDoesNotFilterAndIsNotEchoed(String filter) {
    JsonObject body = owner.get(devices + query("filter", filter)).expect(200).object();
    assertEquals(ids(sorted(byName())), ids(body));
    assertEquals(fleet.size(), body.getInt("totalCount"));
    assertFalse(body.containsKey("filter"), body.toString());
    assertFalse(body.containsKey("filterField"), body.toString());
  }

  @Test
  void withoutAFilterTheResponseHasNeitherFilterNorFilterField() {
    JsonObject body = owner.get(devices).expect(200).object();
    assertFalse(body.containsKey("filter"));
    assertFalse(body.containsKey("filterField"));
  }

  @ParameterizedTest(name = "filterField={0}")
  @ValueSource(strings = {"description", "Name", "NAME", "id", "tags"})
  void aFilterFieldOtherThanNameIsRejected(String filterField) {
    assertValidation(
        query("filterField", filterField, "filter", "dev"), "filterField must be blank or name");
  }

  // ---------------------------------------------------------------------------------------------
  // Tag filter

  static Stream<Arguments> tagFilters() {
    return Stream.of(
        Arguments.of("key only", "tagFilter[0][key]=floor"),
        Arguments.of("value only, under any key", "tagFilter[0][value]=8"),
        Arguments.of("key and value", "tagFilter[0][key]=floor&tagFilter[0][value]=8"),
        Arguments.of("value is exact, not a prefix", "tagFilter[0][value]=80"),
        Arguments.of("key is exact", "tagFilter[0][key]=Floor"),
        Arguments.of("unicode value", "tagFilter[0][value]=" + enc("Halle 1 ü")),
        Arguments.of(
            "inclusive: any entry",
            "tagFilter[0][key]=serial&tagFilter[1][key]=floor&tagFilter[1][value]=9"),
        Arguments.of(
            "inclusive across keys",
            "tagFilter[0][key]=env&tagFilter[0][value]=prod&tagFilter[1][value]=twin"),
        Arguments.of(
            "all: every entry",
            "tagFilter[0][key]=floor&tagFilter[0][value]=8"
                + "&tagFilter[1][key]=kind&tagFilter[1][value]=sensor&tagMatch=all"),
        Arguments.of(
            "all: a repeated key with two values",
            "tagFilter[0][key]=floor&tagFilter[0][value]=8"
                + "&tagFilter[1][key]=floor&tagFilter[1][value]=9&tagMatch=all"),
        Arguments.of("explicit any", "tagFilter[0][value]=8&tagFilter[1][key]=env&tagMatch=any"),
        Arguments.of(
            "sparse, out of order, key and value of one entry apart",
            "tagFilter[5][value]=8&tagFilter[2][key]=serial&tagFilter[5][key]=room"),
        Arguments.of(
            "sparse and out of order with all",
            "tagFilter[7][key]=kind&tagFilter[3][value]=8&tagMatch=all"),
        Arguments.of("no match", "tagFilter[0][key]=nothing"),
        Arguments.of(
            "combined with a name filter",
            "filter=node-0*&tagFilter[0][key]=floor&tagFilter[1][key]=serial"),
        Arguments.of(
            "with the clients' extras",
            CLIENT_EXTRAS + "&tagFilter[0][key]=floor&tagFilter[0][value]=8&sortField=id"));
  }

  @ParameterizedTest(name = "{0} (raw brackets)")
  @MethodSource("tagFilters")
  void aTagFilterWithRawBracketsSelectsTheMatchingDevices(String label, String rawQuery) {
    JsonObject body = rawGet(devices + "?" + rawQuery);
    assertEquals(expectedFor(rawQuery), ids(body), () -> "names: " + names(body));
    assertEquals(expectedFor(rawQuery).size(), body.getInt("totalCount"));
  }

  @ParameterizedTest(name = "{0} (percent-encoded brackets)")
  @MethodSource("tagFilters")
  void aTagFilterWithPercentEncodedBracketsSelectsTheMatchingDevices(
      String label, String rawQuery) {
    JsonObject body =
        owner
            .get(devices + "?" + rawQuery.replace("[", "%5B").replace("]", "%5D"))
            .expect(200)
            .object();
    assertEquals(expectedFor(rawQuery), ids(body), () -> "names: " + names(body));
    assertEquals(expectedFor(rawQuery).size(), body.getInt("totalCount"));
  }

  @Test
  void lowerCasePercentEncodingOfBracketsIsAcceptedToo() {
    String rawQuery = "tagFilter[0][key]=room&tagFilter[1][value]=9";
    JsonObject body =
        owner
            .get(devices + "?" + rawQuery.replace("[", "%5b").replace("]", "%5d"))
            .expect(200)
            .object();
    assertEquals(expectedFor(rawQuery), ids(body));
  }

  @Test
  void theTagFilterExamplesAboveAreNotVacuous() {
    assertEquals(
        List.of(
            "node-01", "node-02", "node-03", "node-04", "node-06", "node-10", "periph-1", "twin"),
        names(sorted(byName(), tagMatches("tagFilter[0][value]=8"))));
    assertEquals(
        List.of("node-06"),
        names(
            sorted(
                byName(),
                tagMatches(
                    "tagFilter[0][key]=floor&tagFilter[0][value]=8"
                        + "&tagFilter[1][key]=kind&tagFilter[1][value]=sensor&tagMatch=all"))));
  }

  static Stream<Arguments> badTagFilters() {
    String keyRule = " must match ^[0-9a-zA-Z_-]{1,255}$";
    return Stream.of(
        Arguments.of("tagFilter[0][key]=", "tagFilter[0] must have a key, a value or both"),
        Arguments.of(
            "tagFilter[0][key]=&tagFilter[0][value]=",
            "tagFilter[0] must have a key, a value or both"),
        Arguments.of(
            "tagFilter[0][key]=floor&tagFilter[4][value]=%20",
            "tagFilter[4] must have a key, a value or both"),
        Arguments.of("tagFilter[0][key]=" + enc("bad key"), "tagFilter[0].key" + keyRule),
        Arguments.of("tagFilter[3][key]=fl%C3%B6or", "tagFilter[3].key" + keyRule),
        Arguments.of("tagFilter[0][key]=" + "k".repeat(256), "tagFilter[0].key" + keyRule),
        Arguments.of(
            "tagFilter[0][value]=" + "v".repeat(256),
            "tagFilter[0].value must be between 1 and 255 characters"),
        Arguments.of(
            // Numeric order: entry 9 comes before entry 10 although "10" < "9" as text.
            "tagFilter[10][key]=" + enc("bad ten") + "&tagFilter[9][key]=" + enc("bad nine"),
            "tagFilter[9].key" + keyRule),
        Arguments.of("tagFilter[0][key]=floor&tagMatch=bogus", "tagMatch must be one of any, all"),
        Arguments.of("tagFilter[0][key]=floor&tagMatch=ALL", "tagMatch must be one of any, all"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTagFilters")
  void anInvalidTagFilterIsRejectedNamingTheEntry(String rawQuery, String message) {
    assertValidation("?" + rawQuery.replace("[", "%5B").replace("]", "%5D"), message);
    ApiResponse raw = owner.socket(rawRequest(devices + "?" + rawQuery));
    assertEquals(400, raw.status(), raw.toString());
    assertEquals(message, parse(raw.body()).getString("message"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "tagFilter=floor",
        "tagFilter[0]=floor",
        "tagFilter[x][key]=floor",
        "tagFilter[0][kee]=floor",
        "tagFilter[-1][key]=floor"
      })
  void aTagFilterThatIsNotBracketedEntriesIsRejected(String rawQuery) {
    ApiResponse response =
        owner
            .get(devices + "?" + rawQuery.replace("[", "%5B").replace("]", "%5D"))
            .expectError(400, "Validation");
    assertTrue(response.message().startsWith("tagFilter"), response.message());
  }

  // ---------------------------------------------------------------------------------------------
  // Response shape

  @Test
  void theDevicesResponseHasEveryFieldOfTheContract() {
    JsonObject body =
        owner
            .get(
                devices
                    + query(
                        "perPage", "5", "page", "1", "sortField", "id", "sortDirection", "desc"))
            .expect(200)
            .object();
    assertAll(
        () -> assertEquals(ids(sorted(order("id", "desc"))).subList(5, 10), ids(body)),
        () -> assertEquals(5, body.getInt("count")),
        () -> assertEquals(fleet.size(), body.getJsonNumber("totalCount").longValue()),
        () -> assertEquals(5, body.getInt("perPage")),
        () -> assertEquals(1, body.getInt("page")),
        () -> assertEquals("id", body.getString("sortField")),
        () -> assertEquals("desc", body.getString("sortDirection")),
        () -> assertEquals(app, body.getString("applicationId")),
        () -> assertFalse(body.containsKey("filter")),
        () -> assertFalse(body.containsKey("filterField")));
  }

  @Test
  void everyListedDeviceIsTheDeviceAsCreated() {
    JsonArray items = owner.get(devices).expect(200).items();
    assertEquals(fleet.size(), items.size());
    Map<String, JsonObject> listed =
        items.getValuesAs(JsonObject.class).stream()
            .collect(Collectors.toMap(d -> d.getString("id"), d -> d));
    assertAll(
        fleet.stream()
            .map(
                created ->
                    () -> {
                      JsonObject device = listed.get(created.id());
                      assertDeviceMatchesItsPost(created.body(), device);
                      assertEquals(created.device(), device, "the listed device is the 201 body");
                    }));
  }

  @Test
  void theClientsExtraParametersAreIgnored() {
    JsonObject body =
        owner
            .get(devices + "?" + CLIENT_EXTRAS + "&sortField=creationDate&perPage=10")
            .expect(200)
            .object();
    assertEquals(ids(sorted(order("creationDate", "asc"))).subList(0, 10), ids(body));
  }

  @Test
  void anUnknownApplicationIsNotFound() {
    assertEquals(
        "Application was not found",
        owner
            .get("/applications/575ec8687ae143cd83dc4a97/devices?tagFilter%5B0%5D%5Bkey%5D=floor")
            .expectError(404, "NotFound")
            .message());
  }

  // ---------------------------------------------------------------------------------------------
  // Assertions and helpers

  static void assertDeviceMatchesItsPost(JsonObject body, JsonObject device) {
    String id = device.getString("id");
    JsonObject connection = device.getJsonObject("connectionInfo");
    assertAll(
        "device " + body.getString("name"),
        () -> assertTrue(WireFormats.HEX_ID.matcher(id).matches(), id),
        () -> assertEquals(id, device.getString("deviceId")),
        () -> assertEquals(app, device.getString("applicationId")),
        () -> assertEquals(body.getString("name"), device.getString("name")),
        () -> assertEquals(body.getString("description", ""), device.getString("description")),
        () ->
            assertEquals(body.getOrDefault("tags", JsonValue.EMPTY_JSON_ARRAY), device.get("tags")),
        () ->
            assertEquals(
                body.getOrDefault("attributes", JsonValue.EMPTY_JSON_ARRAY),
                device.get("attributes")),
        () ->
            assertEquals(
                body.getString("deviceClass", "standalone"), device.getString("deviceClass")),
        () -> assertEquals(body.containsKey("gatewayId"), device.containsKey("gatewayId")),
        () -> assertEquals(body.get("gatewayId"), device.get("gatewayId")),
        () ->
            assertTrue(WireFormats.ISO_MILLIS.matcher(device.getString("creationDate")).matches()),
        () -> assertTrue(WireFormats.ISO_MILLIS.matcher(device.getString("lastUpdated")).matches()),
        () -> assertEquals(2, connection.size(), connection.toString()),
        () -> assertEquals(0, connection.getInt("connected")),
        () -> assertEquals(device.getString("creationDate"), connection.getString("time")));
  }

  private static void assertValidation(String query, String message) {
    assertEquals(message, owner.get(devices + query).expectError(400, "Validation").message());
  }

  private static JsonObjectBuilder named(String name) {
    return Json.createObjectBuilder().add("name", name);
  }

  private static JsonArrayBuilder tags(String... keysAndValues) {
    JsonArrayBuilder tags = Json.createArrayBuilder();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      tags.add(
          Json.createObjectBuilder()
              .add("key", keysAndValues[i])
              .add("value", keysAndValues[i + 1]));
    }
    return tags;
  }

  private static JsonArrayBuilder attributes(String... namesAndTypes) {
    JsonArrayBuilder attributes = Json.createArrayBuilder();
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      attributes.add(
          Json.createObjectBuilder()
              .add("name", namesAndTypes[i])
              .add("dataType", namesAndTypes[i + 1]));
    }
    return attributes;
  }

  /** "?k=v&..." with every key and value percent-encoded (spaces as %20). */
  static String query(String... keysAndValues) {
    return "?"
        + IntStream.range(0, keysAndValues.length / 2)
            .mapToObj(i -> enc(keysAndValues[2 * i]) + "=" + enc(keysAndValues[2 * i + 1]))
            .collect(Collectors.joining("&"));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  // Expected results, computed without the server.

  private static Comparator<Created> byName() {
    return Comparator.comparing((Created d) -> d.name().toLowerCase(Locale.ROOT))
        .thenComparing(Created::id);
  }

  private static Comparator<Created> order(String sortField, String direction) {
    Comparator<Created> ascending =
        switch (sortField) {
          case "name" -> byName();
          case "id" -> Comparator.comparing(Created::id);
          case "creationDate" ->
              Comparator.comparing(Created::creationDate).thenComparing(Created::id);
          case "lastUpdated" ->
              Comparator.comparing(Created::lastUpdated).thenComparing(Created::id);
          default -> throw new IllegalArgumentException(sortField);
        };
    return direction.equals("asc") ? ascending : ascending.reversed();
  }

  private static List<Created> sorted(Comparator<Created> order) {
    return sorted(order, d -> true);
  }

  private static List<Created> sorted(Comparator<Created> order, Predicate<Created> filter) {
    return fleet.stream().filter(filter).sorted(order).toList();
  }

  /** The devices whose name matches the glob, by the tests' oracle of the contract's glob. */
  static Predicate<Created> nameMatches(String glob) {
    Predicate<String> name = NameGlobOracle.matcher(glob);
    return d -> name.test(d.name());
  }

  /** The devices a raw (bracketed, value-encoded) query selects, in the order it asks for. */
  static List<String> expectedFor(String rawQuery) {
    Map<String, String> parameters = parameters(rawQuery);
    Predicate<Created> name =
        parameters.containsKey("filter") ? nameMatches(parameters.get("filter")) : d -> true;
    return ids(
        sorted(
            order(
                parameters.getOrDefault("sortField", "name"),
                parameters.getOrDefault("sortDirection", "asc")),
            name.and(tagMatches(rawQuery))));
  }

  /** The tagFilter entries of a raw query, ordered by index, matched any (or all) of. */
  static Predicate<Created> tagMatches(String rawQuery) {
    Map<String, String> parameters = parameters(rawQuery);
    Pattern entry = Pattern.compile("^tagFilter\\[(\\d+)]\\[(key|value)]$");
    Map<Integer, String[]> entries = new java.util.TreeMap<>();
    parameters.forEach(
        (k, v) -> {
          var m = entry.matcher(k);
          if (m.matches()) {
            entries
                    .computeIfAbsent(Integer.parseInt(m.group(1)), i -> new String[2])[
                    m.group(2).equals("key") ? 0 : 1] =
                v;
          }
        });
    List<Predicate<Map.Entry<String, String>>> filters =
        entries.values().stream()
            .map(
                e ->
                    (Predicate<Map.Entry<String, String>>)
                        tag ->
                            (e[0] == null || e[0].equals(tag.getKey()))
                                && (e[1] == null || e[1].equals(tag.getValue())))
            .toList();
    boolean all = "all".equals(parameters.get("tagMatch"));
    return d ->
        filters.isEmpty()
            || (all
                ? filters.stream().allMatch(f -> d.tags().stream().anyMatch(f))
                : filters.stream().anyMatch(f -> d.tags().stream().anyMatch(f)));
  }

  private static Map<String, String> parameters(String rawQuery) {
    Map<String, String> parameters = new java.util.LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      parameters.put(
          pair.substring(0, eq),
          java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return parameters;
  }

  private static List<String> ids(List<Created> devices) {
    return devices.stream().map(Created::id).toList();
  }

  private static List<String> names(List<Created> devices) {
    return devices.stream().map(Created::name).toList();
  }

  private static List<String> ids(ApiResponse response) {
    return ids(response.object());
  }

  private static List<String> ids(JsonObject page) {
    return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(d -> d.getString("id"))
        .toList();
  }

  private static List<String> names(JsonObject page) {
    return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(d -> d.getString("name"))
        .toList();
  }

  /**
   * A GET whose request target goes on the wire exactly as given (raw brackets, which java.net.URI
   * refuses). HTTP/1.0, so the body is not chunked.
   */
  private static JsonObject rawGet(String pathAndQuery) {
    ApiResponse response = owner.socket(rawRequest(pathAndQuery));
    assertEquals(200, response.status(), response.toString());
    return parse(response.body());
  }

  private static String rawRequest(String pathAndQuery) {
    return "GET "
        + pathAndQuery
        + " HTTP/1.0\r\nHost: localhost\r\nAccept: application/json\r\n"
        + "Authorization: Bearer "
        + System.getProperty("it.owner.token")
        + "\r\nConnection: close\r\n\r\n";
  }

  private static JsonObject parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
