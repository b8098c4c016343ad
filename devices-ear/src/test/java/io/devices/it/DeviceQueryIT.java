package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
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

/**
 * Get's advanced device query ({@code query}, docs/api.md, "List devices") on a small fleet whose
 * names, classes, tags and attributes differ in the ways the operators must tell apart: case, LIKE
 * metacharacters, repeated tag keys, numeric-looking tag values, attribute names that differ only
 * in case. Each case names the devices it must select; {@code @name} in a query stands for that
 * device's id ({@code @NAME}: the id in upper case).
 */
@ExtendWith(ArquillianExtension.class)
class DeviceQueryIT {
  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private static final String CLASSES =
      "standalone, gateway, peripheral, floating, virtual, edgeCompute, system, embedded";
  private static final String KEYS =
      "$and, $or, $nor, id, gatewayId, name, deviceClass, creationDate, lastUpdated,"
          + " deletedAt, attributeName, tags, connectionStatus";
  private static final String DATE_RULE =
      " must be an ISO-8601 date-time or milliseconds since the epoch";
  private static final String ALL =
      "alpha Alpha-2 beta beta-child Gamma_% gamma delta épée zeta 日本 eta";

  private static Api owner;
  private static String devices;

  /** The fleet by name, as the server created it. */
  private static Map<String, JsonObject> fleet;

  private static String otherAppDevice;

  @BeforeAll
  static void createFleet() {
    owner = Api.owner();
    Fixtures fixtures = new Fixtures(owner);
    String app = fixtures.application("device-query-it");
    devices = "/applications/" + app + "/devices";
    fleet = new LinkedHashMap<>();
    add(fixtures, app, device("alpha", "standalone", "floor", "8", "kind", "sensor"), "temp");
    add(fixtures, app, device("Alpha-2", "standalone", "floor", "8.5"), "temp", "hum");
    add(fixtures, app, device("beta", "gateway", "floor", "9", "kind", "gateway"));
    String beta = fleet.get("beta").getString("id");
    add(
        fixtures,
        app,
        device("beta-child", "peripheral", "floor", "9", "zone", "north").add("gatewayId", beta),
        "Temp");
    add(fixtures, app, device("Gamma_%", "virtual"));
    add(fixtures, app, device("gamma", "floating", "kind", "meter", "flag", "true"), "on");
    add(fixtures, app, device("delta", "edgeCompute", "floor", "10"));
    add(fixtures, app, device("épée", "system", "floor", "80", "label", "Halle 1 ü"));
    add(fixtures, app, device("zeta", "embedded", "floor", "8", "floor", "9"), "where");
    add(fixtures, app, device("日本", "standalone", "Floor", "8"));
    add(fixtures, app, device("eta", "peripheral", "zone", "south").add("gatewayId", beta));
    // The same name and tags in another application: never selected here.
    String other = fixtures.application("device-query-it other");
    otherAppDevice =
        fixtures
            .device(other, device("alpha", "standalone", "floor", "8").build().toString())
            .getString("id");
    assertEquals(names(ALL).size(), fleet.size());
  }

  private static JsonObjectBuilder device(String name, String deviceClass, String... tags) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (int i = 0; i < tags.length; i += 2) {
      array.add(Json.createObjectBuilder().add("key", tags[i]).add("value", tags[i + 1]));
    }
    return Json.createObjectBuilder()
        .add("name", name)
        .add("deviceClass", deviceClass)
        .add("tags", array);
  }

  private static void add(
      Fixtures fixtures, String app, JsonObjectBuilder body, String... attributes) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (String attribute : attributes) {
      array.add(Json.createObjectBuilder().add("name", attribute).add("dataType", "number"));
    }
    JsonObject created = fixtures.device(app, body.add("attributes", array).build().toString());
    fleet.put(created.getString("name"), created);
  }

  // ---------------------------------------------------------------------------------------------
  // What each key and operator selects

  static Stream<Arguments> selections() {
    return Stream.of(
        // {} and the junctions
        Arguments.of("{}", ALL),
        Arguments.of("{\"$and\":[{}]}", ALL),
        Arguments.of("{\"$nor\":[{}]}", ""),
        Arguments.of("{\"$or\":[{},{\"name\":\"nothing\"}]}", ALL),
        Arguments.of(
            "{\"$or\":[{\"name\":\"alpha\"},{\"tags\":{\"zone\":\"south\"}}]}", "alpha eta"),
        Arguments.of(
            "{\"$and\":[{\"tags\":{\"floor\":\"9\"}},{\"deviceClass\":\"gateway\"}]}", "beta"),
        Arguments.of(
            "{\"$nor\":[{\"tags\":{\"floor\":null}},{\"deviceClass\":\"virtual\"}]}",
            "gamma 日本 eta"),
        Arguments.of("{\"tags\":{\"floor\":\"9\"},\"deviceClass\":\"peripheral\"}", "beta-child"),
        Arguments.of(
            "{\"$or\":[{\"$and\":[{\"name\":{\"$startsWith\":\"beta\"}},"
                + "{\"$nor\":[{\"deviceClass\":\"gateway\"}]}]},{\"name\":\"delta\"}]}",
            "beta-child delta"),
        // id and gatewayId
        Arguments.of("{\"id\":\"@alpha\"}", "alpha"),
        Arguments.of("{\"id\":\"@ALPHA\"}", "alpha"),
        Arguments.of("{\"id\":{\"$eq\":\"@ALPHA\"}}", "alpha"),
        Arguments.of("{\"id\":null}", ""),
        Arguments.of("{\"id\":{\"$ne\":\"@alpha\"}}", without("alpha")),
        Arguments.of(
            "{\"id\":{\"$in\":[\"@alpha\",\"@BETA\",\"@other\",\"5a0000000000000000000000\"]}}",
            "alpha beta"),
        Arguments.of("{\"id\":{\"$nin\":[\"@alpha\",\"@beta\"]}}", without("alpha", "beta")),
        Arguments.of("{\"gatewayId\":\"@beta\"}", "beta-child eta"),
        Arguments.of("{\"gatewayId\":\"@BETA\"}", "beta-child eta"),
        Arguments.of("{\"gatewayId\":null}", without("beta-child", "eta")),
        Arguments.of("{\"gatewayId\":{\"$ne\":null}}", "beta-child eta"),
        Arguments.of("{\"gatewayId\":{\"$in\":[\"@beta\",null]}}", ALL),
        Arguments.of("{\"gatewayId\":{\"$nin\":[\"@beta\"]}}", without("beta-child", "eta")),
        Arguments.of("{\"gatewayId\":{\"$gt\":null}}", ""),
        Arguments.of("{\"gatewayId\":{\"$gte\":null}}", without("beta-child", "eta")),
        // name: case-sensitive unless $ci; LIKE metacharacters are literal
        Arguments.of("{\"name\":\"alpha\"}", "alpha"),
        Arguments.of("{\"name\":\"ALPHA\"}", ""),
        Arguments.of("{\"name\":{\"$eq\":\"ALPHA\",\"$ci\":true}}", "alpha"),
        Arguments.of("{\"name\":{\"$eq\":\"ALPHA\",\"$ci\":false}}", ""),
        Arguments.of("{\"name\":{\"$eq\":\"ÉPÉE\",\"$ci\":true}}", "épée"),
        Arguments.of("{\"name\":{\"$ne\":\"alpha\"}}", without("alpha")),
        Arguments.of("{\"name\":{\"$in\":[\"alpha\",\"beta\",\"nothing\"]}}", "alpha beta"),
        Arguments.of("{\"name\":{\"$in\":[\"ALPHA\",\"BETA\"],\"$ci\":true}}", "alpha beta"),
        Arguments.of("{\"name\":{\"$nin\":[\"alpha\",\"beta\"]}}", without("alpha", "beta")),
        Arguments.of("{\"name\":{\"$startsWith\":\"beta\"}}", "beta beta-child"),
        Arguments.of("{\"name\":{\"$startsWith\":\"gamma\"}}", "gamma"),
        Arguments.of("{\"name\":{\"$startsWith\":\"GAMMA\",\"$ci\":true}}", "Gamma_% gamma"),
        Arguments.of("{\"name\":{\"$endsWith\":\"_%\"}}", "Gamma_%"),
        Arguments.of("{\"name\":{\"$contains\":\"_\"}}", "Gamma_%"),
        Arguments.of("{\"name\":{\"$contains\":\"%\"}}", "Gamma_%"),
        Arguments.of("{\"name\":{\"$contains\":\"ph\"}}", "alpha Alpha-2"),
        Arguments.of("{\"name\":{\"$contains\":\"PH\"}}", ""),
        Arguments.of("{\"name\":{\"$contains\":\"PH\",\"$ci\":true}}", "alpha Alpha-2"),
        Arguments.of("{\"name\":{\"$endsWith\":\"本\"}}", "日本"),
        Arguments.of("{\"name\":{\"$startsWith\":\"beta\",\"$endsWith\":\"child\"}}", "beta-child"),
        // orderings on names ignore case, as sorting by name does
        Arguments.of("{\"name\":{\"$gt\":\"gamma\"}}", "Gamma_% épée zeta 日本"),
        Arguments.of("{\"name\":{\"$gte\":\"GAMMA\"}}", "gamma Gamma_% épée zeta 日本"),
        Arguments.of("{\"name\":{\"$lt\":\"beta\"}}", "alpha Alpha-2"),
        Arguments.of("{\"name\":{\"$gt\":\"alpha\",\"$lte\":\"BETA\"}}", "Alpha-2 beta"),
        Arguments.of("{\"name\":null}", ""),
        // deviceClass
        Arguments.of("{\"deviceClass\":\"gateway\"}", "beta"),
        Arguments.of("{\"deviceClass\":\"edgeCompute\"}", "delta"),
        Arguments.of("{\"deviceClass\":{\"$eq\":\"GATEWAY\",\"$ci\":true}}", "beta"),
        Arguments.of("{\"deviceClass\":{\"$eq\":\"EDGECOMPUTE\",\"$ci\":true}}", "delta"),
        Arguments.of(
            "{\"deviceClass\":{\"$in\":[\"peripheral\",\"virtual\"]}}", "beta-child Gamma_% eta"),
        Arguments.of(
            "{\"deviceClass\":{\"$nin\":[\"standalone\"]}}", without("alpha", "Alpha-2", "日本")),
        Arguments.of(
            "{\"deviceClass\":{\"$ne\":\"standalone\"}}", without("alpha", "Alpha-2", "日本")),
        Arguments.of("{\"deviceClass\":{\"$startsWith\":\"edge\"}}", "delta"),
        Arguments.of("{\"deviceClass\":{\"$endsWith\":\"ED\",\"$ci\":true}}", "zeta"),
        Arguments.of("{\"deviceClass\":{\"$endsWith\":\"ED\"}}", ""),
        // attribute names: each operator on its own, some attribute / no attribute
        Arguments.of("{\"attributeName\":\"temp\"}", "alpha Alpha-2"),
        Arguments.of(
            "{\"attributeName\":{\"$eq\":\"TEMP\",\"$ci\":true}}", "alpha Alpha-2 beta-child"),
        Arguments.of("{\"attributeName\":{\"$ne\":\"temp\"}}", without("alpha", "Alpha-2")),
        Arguments.of(
            "{\"attributeName\":{\"$nin\":[\"temp\",\"on\"]}}",
            without("alpha", "Alpha-2", "gamma")),
        Arguments.of("{\"attributeName\":{\"$in\":[\"on\",\"where\"]}}", "gamma zeta"),
        Arguments.of("{\"attributeName\":{\"$startsWith\":\"h\"}}", "Alpha-2"),
        Arguments.of("{\"attributeName\":{\"$ne\":\"temp\",\"$startsWith\":\"T\"}}", "beta-child"),
        Arguments.of("{\"attributeName\":null}", ""),
        // tags in every form; values as text
        Arguments.of("{\"tags\":{\"floor\":\"8\"}}", "alpha zeta"),
        Arguments.of("{\"tags\":{\"floor\":8}}", "alpha zeta"),
        Arguments.of("{\"tags\":{\"floor\":8.0}}", "alpha zeta"),
        Arguments.of("{\"tags\":{\"floor\":8.50}}", "Alpha-2"),
        Arguments.of("{\"tags\":{\"floor\":8e1}}", "épée"),
        Arguments.of("{\"tags\":{\"flag\":true}}", "gamma"),
        Arguments.of("{\"tags\":{\"Floor\":\"8\"}}", "日本"),
        Arguments.of(
            "{\"tags\":{\"floor\":null}}", "alpha Alpha-2 beta beta-child delta épée zeta"),
        Arguments.of("{\"tags\":{\"floor\":\"9\",\"zone\":\"north\"}}", "beta-child"),
        Arguments.of(
            "{\"$and\":[{\"tags\":{\"floor\":\"8\"}},{\"tags\":{\"floor\":\"9\"}}]}", "zeta"),
        Arguments.of("{\"tags\":{\"floor\":{\"$in\":[\"8\",9]}}}", "alpha beta beta-child zeta"),
        Arguments.of("{\"tags\":{\"floor\":{\"$nin\":[\"8\",\"9\"]}}}", "Alpha-2 delta épée"),
        Arguments.of("{\"tags\":{\"label\":\"Halle 1 ü\"}}", "épée"),
        Arguments.of("{\"tags\":{\"$tagKey\":\"zone\"}}", "beta-child eta"),
        Arguments.of("{\"tags\":{\"$tagValue\":\"8\"}}", "alpha zeta 日本"),
        Arguments.of("{\"tags\":{\"$tagKey\":null,\"$tagValue\":8}}", "alpha zeta 日本"),
        Arguments.of("{\"tags\":{\"$tagKey\":\"kind\",\"$tagValue\":\"gateway\"}}", "beta"),
        Arguments.of(
            "{\"tags\":{\"$tagKey\":{\"$in\":[\"zone\",\"flag\"]},"
                + "\"$tagValue\":{\"$nin\":[\"north\"]}}}",
            "eta gamma"),
        Arguments.of("{\"tags\":{\"$eq\":{\"kind\":\"sensor\"}}}", "alpha"),
        Arguments.of("{\"tags\":{\"$eq\":{\"$tagValue\":\"true\"}}}", "gamma"),
        Arguments.of("{\"tags\":{\"$ne\":{\"floor\":null}}}", "Gamma_% gamma 日本 eta"),
        Arguments.of("{\"tags\":{\"$ne\":{\"$tagValue\":\"8\"}}}", without("alpha", "zeta", "日本")),
        // connection status: every device of this fleet is disconnected
        Arguments.of("{\"connectionStatus\":\"disconnected\"}", ALL),
        Arguments.of("{\"connectionStatus\":\"connected\"}", ""),
        Arguments.of("{\"connectionStatus\":{\"$ne\":\"connected\"}}", ALL),
        Arguments.of("{\"connectionStatus\":{\"$in\":[\"connected\"]}}", ""),
        Arguments.of("{\"connectionStatus\":{\"$nin\":[\"connected\"]}}", ALL),
        Arguments.of("{\"connectionStatus\":{\"$in\":[\"connected\",\"disconnected\"]}}", ALL),
        // empty lists: $in of nothing selects nothing, $nin of nothing excludes nothing
        Arguments.of("{\"name\":{\"$in\":[]}}", ""),
        Arguments.of("{\"name\":{\"$nin\":[]}}", ALL),
        Arguments.of("{\"id\":{\"$in\":[]}}", ""),
        Arguments.of("{\"gatewayId\":{\"$nin\":[]}}", ALL),
        Arguments.of("{\"creationDate\":{\"$in\":[]}}", ""),
        Arguments.of("{\"attributeName\":{\"$in\":[]}}", ""),
        Arguments.of("{\"attributeName\":{\"$nin\":[]}}", ALL),
        Arguments.of("{\"tags\":{\"floor\":{\"$in\":[]}}}", ""),
        Arguments.of(
            "{\"tags\":{\"floor\":{\"$nin\":[]}}}",
            "alpha Alpha-2 beta beta-child delta épée zeta"),
        Arguments.of("{\"tags\":{\"$tagKey\":{\"$in\":[]}}}", ""),
        Arguments.of("{\"$nor\":[{\"name\":{\"$in\":[]}}]}", ALL));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("selections")
  void aQuerySelectsExactlyTheDevicesItDescribes(String query, String expected) {
    String json = resolve(query);
    JsonObject page = list(json);
    assertEquals(sortedByName(names(expected)), names(page));
    assertEquals(names(expected).size(), page.getInt("totalCount"));
    assertEquals(parse(json), page.get("query"), "the query is echoed as given");
  }

  @Test
  void theSelectionsAboveAreNotAllVacuous() {
    // Every device is selected by some case and left out by another.
    List<String> expectations = selections().map(a -> (String) a.get()[1]).toList();
    for (String name : fleet.keySet()) {
      assertTrue(expectations.stream().anyMatch(e -> names(e).contains(name)), name);
      assertTrue(expectations.stream().anyMatch(e -> !names(e).contains(name)), name);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Dates

  static Stream<Arguments> dateRanges() {
    return Stream.of(
        Arguments.of("creationDate", "$gte", "iso"),
        Arguments.of("creationDate", "$gt", "millis"),
        Arguments.of("creationDate", "$lt", "offset"),
        Arguments.of("creationDate", "$lte", "iso"),
        Arguments.of("creationDate", "$eq", "millis"),
        Arguments.of("creationDate", "$ne", "iso"),
        Arguments.of("lastUpdated", "$gte", "millis"),
        Arguments.of("lastUpdated", "$lt", "iso"),
        Arguments.of("lastUpdated", "$eq", "offset"));
  }

  @ParameterizedTest(name = "{0} {1} as {2}")
  @MethodSource("dateRanges")
  void aDateComparesInstantsGivenAsIsoOrMilliseconds(String field, String operator, String form) {
    Instant middle = date(fleet.get("gamma"), field);
    JsonObject query =
        Json.createObjectBuilder()
            .add(field, Json.createObjectBuilder().add(operator, dateValue(middle, form)))
            .build();
    Predicate<JsonObject> holds =
        d -> {
          int order = date(d, field).compareTo(middle);
          return switch (operator) {
            case "$gte" -> order >= 0;
            case "$gt" -> order > 0;
            case "$lt" -> order < 0;
            case "$lte" -> order <= 0;
            case "$eq" -> order == 0;
            default -> order != 0;
          };
        };
    List<String> expected = sortedByName(select(holds));
    assertEquals(Set.of("$eq", "$gte", "$lte").contains(operator), expected.contains("gamma"));
    assertEquals(expected, names(list(query.toString())));
  }

  @Test
  void severalDateOperatorsMustAllHoldAndInTakesBothForms() {
    Instant first = date(fleet.get("alpha"), "creationDate");
    Instant last = date(fleet.get("eta"), "creationDate");
    String between =
        "{\"creationDate\":{\"$gt\":\""
            + first
            + "\",\"$lt\":"
            + last.toEpochMilli()
            + "},\"lastUpdated\":{\"$lte\":\""
            + last
            + "\"}}";
    Predicate<JsonObject> inside =
        d -> date(d, "creationDate").isAfter(first) && date(d, "creationDate").isBefore(last);
    assertEquals(sortedByName(select(inside)), names(list(between)));

    Instant gamma = date(fleet.get("gamma"), "creationDate");
    String in =
        "{\"creationDate\":{\"$in\":[\"" + first + "\"," + gamma.toEpochMilli() + ",null]}}";
    Predicate<JsonObject> either =
        d -> date(d, "creationDate").equals(first) || date(d, "creationDate").equals(gamma);
    assertEquals(sortedByName(select(either)), names(list(in)));
  }

  private static Instant date(JsonObject device, String field) {
    return Instant.parse(device.getString(field));
  }

  private static JsonValue dateValue(Instant instant, String form) {
    return switch (form) {
      case "millis" -> Json.createValue(instant.toEpochMilli());
      case "offset" -> Json.createValue(instant.atOffset(ZoneOffset.ofHours(2)).toString());
      default -> Json.createValue(instant.toString());
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Paging, sorting, and what the query replaces

  @ParameterizedTest(name = "sortField={0} sortDirection={1}")
  @CsvSource({"name, asc", "name, desc", "id, asc", "creationDate, desc", "lastUpdated, asc"})
  void aQueriedListPagesAndSortsWithTheTotalOfItsMatches(String sortField, String direction) {
    String query = "{\"tags\":{\"floor\":null}}";
    Comparator<JsonObject> order =
        switch (sortField) {
          case "name" -> byName();
          case "id" -> Comparator.comparing((JsonObject d) -> d.getString("id"));
          default ->
              Comparator.comparing((JsonObject d) -> date(d, sortField))
                  .thenComparing(d -> d.getString("id"));
        };
    List<String> expected =
        fleet.values().stream()
            .filter(d -> d.getJsonArray("tags").toString().contains("\"key\":\"floor\""))
            .sorted(direction.equals("asc") ? order : order.reversed())
            .map(d -> d.getString("id"))
            .toList();
    assertEquals(7, expected.size());
    List<String> walked = new ArrayList<>();
    for (int page = 0; page <= 3; page++) {
      JsonObject body =
          list(
              query,
              "sortField=" + sortField,
              "sortDirection=" + direction,
              "perPage=3",
              "page=" + page);
      int count = Math.max(0, Math.min(3, expected.size() - 3 * page));
      assertEquals(count, body.getInt("count"), "page " + page);
      assertEquals(7, body.getInt("totalCount"), "page " + page);
      assertEquals(sortField, body.getString("sortField"));
      assertEquals(direction, body.getString("sortDirection"));
      walked.addAll(ids(body));
    }
    assertEquals(expected, walked);
  }

  @Test
  void aQueryReplacesFilterTagFilterAndDeviceClassWhichAreThenIgnoredEvenWhenInvalid() {
    JsonObject body =
        list(
            "{\"name\":\"beta\"}",
            "filter=alpha",
            "filterField=name",
            "tagFilter%5B0%5D%5Bkey%5D=zone",
            "deviceClass=virtual");
    assertEquals(List.of("beta"), names(body));
    assertFalse(body.containsKey("filter"), body.toString());
    assertFalse(body.containsKey("filterField"), body.toString());

    JsonObject ignored =
        list(
            "{}",
            "filterField=description",
            "tagFilter%5B0%5D%5Bkey%5D=bad%20key",
            "tagFilter=floor",
            "deviceClass=nonsense",
            "deviceClass%5Bx%5D=gateway");
    assertEquals(fleet.size(), ignored.getInt("totalCount"));
  }

  @Test
  void withoutAQueryOrWithABlankOneNothingIsEchoed() {
    for (String query : List.of("", "?query=", "?query=%20%20", "?filter=beta")) {
      JsonObject body = owner.get(devices + query).expect(200).object();
      assertFalse(body.containsKey("query"), query + " -> " + body);
    }
    assertEquals(fleet.size(), owner.get(devices + "?query=").expect(200).object().getInt("count"));
  }

  @Test
  void theEchoIsTheQueryAsGivenNotAsNormalized() {
    String query = "{ \"id\" : { \"$in\" : [ \"@ALPHA\" ] }, \"tags\": {\"floor\": 8.50} }";
    JsonObject body = list(resolve(query));
    assertEquals(List.of(), names(body));
    assertEquals(parse(resolve(query)), body.get("query"));
    assertEquals(
        fleet.get("alpha").getString("id").toUpperCase(Locale.ROOT),
        body.getJsonObject("query").getJsonObject("id").getJsonArray("$in").getString(0));
  }

  // ---------------------------------------------------------------------------------------------
  // Encodings of the query string

  @Test
  void theQueryArrivesPercentEncodedAsTheClientsSendItInEitherSpaceForm() {
    String query = "{\"tags\":{\"label\":\"Halle 1 ü\"},\"name\":{\"$contains\":\"é\"}}";
    // JavaScript's encodeURIComponent: %20; Python's urlencode: +.
    String percent = URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20");
    String plus = URLEncoder.encode(query, StandardCharsets.UTF_8);
    String lowerHex =
        java.util.regex.Pattern.compile("%[0-9A-F]{2}")
            .matcher(percent)
            .replaceAll(m -> m.group().toLowerCase(Locale.ROOT));
    for (String encoded : List.of(percent, plus, lowerHex)) {
      JsonObject body =
          owner
              .get(devices + "?_actions=false&_links=true&_embedded=true&query=" + encoded)
              .expect(200)
              .object();
      assertEquals(List.of("épée"), names(body), encoded);
      assertEquals(parse(query), body.get("query"));
    }
  }

  @Test
  void aQueryWhoseBracesAreNotPercentEncodedIsRefusedAsSuch() {
    // Braces are not allowed in a URI's query (RFC 3986): a 400 that says so, not a guess.
    String target = devices + "?query={%22name%22:%22beta%22}";
    ApiResponse response = owner.socket(rawGet(target));
    assertEquals(400, response.status(), response.body());
    assertEquals(
        "The query string must be percent-encoded UTF-8 (RFC 3986)",
        parse(response.body()).asJsonObject().getString("message"));
  }

  // ---------------------------------------------------------------------------------------------
  // deviceClass without a query: one, repeated, or indexed

  static Stream<Arguments> deviceClassParameters() {
    return Stream.of(
        Arguments.of("deviceClass=gateway", "beta"),
        Arguments.of("deviceClass=edgeCompute", "delta"),
        Arguments.of("deviceClass=gateway&deviceClass=virtual", "beta Gamma_%"),
        Arguments.of(
            "deviceClass%5B0%5D=gateway&deviceClass%5B1%5D=peripheral", "beta beta-child eta"),
        Arguments.of("deviceClass[0]=system&deviceClass[1]=embedded", "épée zeta"),
        Arguments.of("deviceClass%5B%5D=floating&deviceClass%5B%5D=virtual", "gamma Gamma_%"),
        Arguments.of("deviceClass%5B7%5D=floating&deviceClass%5B2%5D=virtual", "gamma Gamma_%"),
        Arguments.of("deviceClass=peripheral&filter=e*", "eta"),
        Arguments.of("deviceClass=standalone&tagFilter%5B0%5D%5Bvalue%5D=8", "alpha 日本"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deviceClassParameters")
  void deviceClassSelectsDevicesOfAnyOfTheClasses(String parameters, String expected) {
    String target = devices + "?" + parameters;
    JsonObject body =
        target.contains("[")
            ? parse(owner.socket(rawGet(target)).expect(200).body()).asJsonObject()
            : owner.get(target).expect(200).object();
    assertEquals(sortedByName(names(expected)), names(body));
    assertFalse(body.containsKey("query"));
  }

  static Stream<Arguments> badDeviceClassParameters() {
    String many =
        IntStream.range(0, 101)
            .mapToObj(i -> "deviceClass%5B" + i + "%5D=gateway")
            .collect(Collectors.joining("&"));
    return Stream.of(
        Arguments.of("deviceClass=bogus", "deviceClass must be one of " + CLASSES),
        Arguments.of("deviceClass=Gateway", "deviceClass must be one of " + CLASSES),
        Arguments.of(
            "deviceClass%5B0%5D=gateway&deviceClass%5B3%5D=nope",
            "deviceClass[3] must be one of " + CLASSES),
        Arguments.of(
            "deviceClass%5Bx%5D=gateway",
            "deviceClass must be given as deviceClass or deviceClass[N], not deviceClass[x]"),
        Arguments.of(many, "deviceClass may have at most 100 entries"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badDeviceClassParameters")
  void aBadDeviceClassIsRejectedNamingIt(String parameters, String message) {
    assertEquals(
        message, owner.get(devices + "?" + parameters).expectError(400, "Validation").message());
  }

  // ---------------------------------------------------------------------------------------------
  // Refusals, each naming the path of the offending part

  static Stream<Arguments> refusals() {
    String ids101 =
        IntStream.range(0, 101)
            .mapToObj(i -> "\"" + "%024x".formatted(i) + "\"")
            .collect(Collectors.joining(","));
    String names101 =
        IntStream.range(0, 101).mapToObj(i -> "\"n" + i + "\"").collect(Collectors.joining(","));
    String queries101 =
        IntStream.range(0, 101).mapToObj(i -> "{}").collect(Collectors.joining(","));
    return Stream.of(
        // the contract's own example, and the shapes
        Arguments.of(
            "{\"$or\":[{\"name\":\"a\"},{\"name\":{\"$startsWith\":\"\"}}]}",
            "query.$or[1].name.$startsWith must be a non-empty string"),
        Arguments.of("[]", "query must be an object"),
        Arguments.of("\"name\"", "query must be an object"),
        Arguments.of("null", "query must be an object"),
        Arguments.of("{\"$and\":{}}", "query.$and must be an array"),
        Arguments.of("{\"$or\":[]}", "query.$or must hold at least one query"),
        Arguments.of("{\"$nor\":[{},3]}", "query.$nor[1] must be an object"),
        // keys and operators
        Arguments.of("{\"colour\":\"red\"}", "query.colour is not a query key; use one of " + KEYS),
        Arguments.of("{\"Name\":\"alpha\"}", "query.Name is not a query key; use one of " + KEYS),
        Arguments.of("{\"$not\":[{}]}", "query.$not is not a query key; use one of " + KEYS),
        Arguments.of(
            "{\"$and\":[{\"tags\":{\"floor\":\"8\"}},{\"description\":\"x\"}]}",
            "query.$and[1].description is not a query key; use one of " + KEYS),
        Arguments.of(
            "{\"name\":{\"$regex\":\"a.*\"}}",
            "query.name.$regex is not an operator; use $eq, $ne, $gt, $lt, $gte, $lte, $in, $nin, $startsWith, $endsWith, $contains or $ci"),
        Arguments.of(
            "{\"name\":{\"eq\":\"a\"}}",
            "query.name.eq is not an operator; use $eq, $ne, $gt, $lt, $gte, $lte, $in, $nin, $startsWith, $endsWith, $contains or $ci"),
        Arguments.of(
            "{\"creationDate\":{\"$startsWith\":\"2026\"}}",
            "query.creationDate.$startsWith is not an operator for creationDate; use $eq, $ne, $gt, $lt, $gte, $lte, $in or $nin"),
        Arguments.of(
            "{\"connectionStatus\":{\"$gt\":\"connected\"}}",
            "query.connectionStatus.$gt is not an operator for connectionStatus;"
                + " use $eq, $ne, $in or $nin"),
        Arguments.of(
            "{\"id\":{\"$startsWith\":\"5a\"}}",
            "query.id.$startsWith is not an operator for ids;"
                + " use $eq, $ne, $gt, $lt, $gte, $lte, $in or $nin"),
        Arguments.of(
            "{\"id\":{\"$eq\":\"@alpha\",\"$ne\":null}}",
            "query.id must hold exactly one operator"),
        Arguments.of("{\"gatewayId\":{}}", "query.gatewayId must hold exactly one operator"),
        Arguments.of("{\"name\":{}}", "query.name must hold at least one operator"),
        Arguments.of("{\"name\":{\"$ci\":true}}", "query.name must hold at least one operator"),
        Arguments.of(
            "{\"name\":{\"$eq\":\"a\",\"$ci\":\"yes\"}}", "query.name.$ci must be true or false"),
        Arguments.of(
            "{\"lastUpdated\":{\"$gt\":0,\"$ci\":true}}",
            "query.lastUpdated.$ci is only allowed on text fields"),
        // keys this server does not model
        Arguments.of(
            "{\"parentId\":\"5a0000000000000000000000\"}",
            "query.parentId is not supported by this server"),
        Arguments.of(
            "{\"$or\":[{\"ancestorId\":null}]}",
            "query.$or[0].ancestorId is not supported by this server"),
        Arguments.of(
            "{\"experienceUserId\":null}",
            "query.experienceUserId is not supported by this server"),
        Arguments.of(
            "{\"experienceGroupId\":null}",
            "query.experienceGroupId is not supported by this server"),
        Arguments.of(
            "{\"connectedAt\":{\"$gt\":0}}", "query.connectedAt is not supported by this server"),
        Arguments.of(
            "{\"disconnectedAt\":0}", "query.disconnectedAt is not supported by this server"),
        Arguments.of(
            "{\"deletedAt\":{\"$gt\":\"soon\"}}",
            "query.deletedAt.$gt must be an ISO-8601 date-time or milliseconds since the epoch"),
        // values
        Arguments.of("{\"id\":\"5a00\"}", "query.id must be a 24-character hex id or null"),
        Arguments.of("{\"id\":5}", "query.id must be a 24-character hex id or null"),
        Arguments.of(
            "{\"id\":{\"$in\":[\"@alpha\",\"5a000000000000000000000g\"]}}",
            "query.id.$in[1] must be a 24-character hex id or null"),
        Arguments.of("{\"id\":{\"$in\":\"@alpha\"}}", "query.id.$in must be an array"),
        Arguments.of(
            "{\"gatewayId\":{\"$ne\":\"x\"}}",
            "query.gatewayId.$ne must be a 24-character hex id or null"),
        Arguments.of(
            "{\"name\":[\"alpha\"]}", "query.name must be a string, number, boolean or null"),
        Arguments.of(
            "{\"name\":{\"$in\":[\"a\",{}]}}",
            "query.name.$in[1] must be a string, number, boolean or null"),
        Arguments.of(
            "{\"name\":{\"$contains\":5}}", "query.name.$contains must be a non-empty string"),
        Arguments.of(
            "{\"name\":{\"$endsWith\":null}}", "query.name.$endsWith must be a non-empty string"),
        Arguments.of(
            "{\"name\":1e300}",
            "query.name is a number too long to compare as text (at most 255 digits)"),
        Arguments.of(
            "{\"deviceClass\":\"GATEWAY\"}", "query.deviceClass must be one of " + CLASSES),
        Arguments.of(
            "{\"deviceClass\":{\"$in\":[\"gateway\",\"hub\"]}}",
            "query.deviceClass.$in[1] must be one of " + CLASSES),
        Arguments.of("{\"deviceClass\":7}", "query.deviceClass must be one of " + CLASSES),
        Arguments.of(
            "{\"connectionStatus\":\"online\"}",
            "query.connectionStatus must be connected or disconnected"),
        Arguments.of(
            "{\"connectionStatus\":null}",
            "query.connectionStatus must be connected or disconnected"),
        Arguments.of(
            "{\"connectionStatus\":{\"$in\":[1]}}",
            "query.connectionStatus.$in[0] must be connected or disconnected"),
        // dates
        Arguments.of("{\"creationDate\":\"yesterday\"}", "query.creationDate" + DATE_RULE),
        Arguments.of(
            "{\"creationDate\":{\"$gt\":\"2026-01-01\"}}", "query.creationDate.$gt" + DATE_RULE),
        Arguments.of(
            "{\"creationDate\":{\"$gt\":\"2026-01-01T00:00:00\"}}",
            "query.creationDate.$gt" + DATE_RULE),
        Arguments.of("{\"lastUpdated\":{\"$lt\":1.5}}", "query.lastUpdated.$lt" + DATE_RULE),
        Arguments.of("{\"lastUpdated\":true}", "query.lastUpdated" + DATE_RULE),
        Arguments.of(
            "{\"creationDate\":{\"$in\":[0,\"soon\"]}}", "query.creationDate.$in[1]" + DATE_RULE),
        Arguments.of(
            "{\"creationDate\":{\"$gte\":\"0000-12-31T23:59:59.999Z\"}}",
            "query.creationDate.$gte must be a date-time in the years 0001 to 9999"),
        Arguments.of(
            "{\"creationDate\":{\"$lt\":\"+10000-01-01T00:00:00.000Z\"}}",
            "query.creationDate.$lt must be a date-time in the years 0001 to 9999"),
        Arguments.of(
            "{\"lastUpdated\":-62135596800001}",
            "query.lastUpdated must be a date-time in the years 0001 to 9999"),
        Arguments.of(
            "{\"lastUpdated\":{\"$lte\":253402300800000}}",
            "query.lastUpdated.$lte must be a date-time in the years 0001 to 9999"),
        // tags
        Arguments.of("{\"tags\":\"floor\"}", "query.tags must be an object"),
        Arguments.of("{\"tags\":{}}", "query.tags must name at least one tag"),
        Arguments.of("{\"tags\":{\"$ne\":{}}}", "query.tags.$ne must name at least one tag"),
        Arguments.of(
            "{\"tags\":{\"$eq\":{\"floor\":\"8\"},\"kind\":\"x\"}}",
            "query.tags must hold $eq or $ne alone"),
        Arguments.of("{\"tags\":{\"$ne\":\"floor\"}}", "query.tags.$ne must be an object"),
        Arguments.of(
            "{\"tags\":{\"$tagKey\":\"floor\",\"floor\":\"8\"}}",
            "query.tags.floor is not allowed beside $tagKey and $tagValue"),
        Arguments.of("{\"tags\":{\"$in\":[\"8\"]}}", "query.tags.$in is not an operator of tags"),
        Arguments.of(
            "{\"tags\":{\"bad key\":\"8\"}}",
            "query.tags.bad key (a tag key) must match ^[0-9a-zA-Z_-]{1,255}$"),
        Arguments.of(
            "{\"tags\":{\"$tagKey\":\"bad key\"}}",
            "query.tags.$tagKey must match ^[0-9a-zA-Z_-]{1,255}$"),
        Arguments.of(
            "{\"tags\":{\"floor\":\"\"}}", "query.tags.floor must be between 1 and 255 characters"),
        Arguments.of(
            "{\"tags\":{\"floor\":{\"$eq\":\"8\"}}}",
            "query.tags.floor must be a value, null, {\"$in\": [..]} or {\"$nin\": [..]}"),
        Arguments.of(
            "{\"tags\":{\"floor\":[\"8\"]}}",
            "query.tags.floor must be a string, number, boolean or null"),
        Arguments.of(
            "{\"tags\":{\"floor\":{\"$in\":[\"8\",null]}}}",
            "query.tags.floor.$in[1] must be a string, number or boolean"),
        Arguments.of(
            "{\"tags\":{\"$tagValue\":{\"$nin\":[\"" + "v".repeat(256) + "\"]}}}",
            "query.tags.$tagValue.$nin[0] must be between 1 and 255 characters"),
        // limits
        Arguments.of("{\"$or\":[" + queries101 + "]}", "query.$or may hold at most 100 entries"),
        Arguments.of(
            "{\"id\":{\"$in\":[" + ids101 + "]}}", "query.id.$in may hold at most 100 entries"),
        Arguments.of(
            "{\"name\":{\"$nin\":[" + names101 + "]}}",
            "query.name.$nin may hold at most 100 entries"),
        Arguments.of(
            "{\"tags\":{\"floor\":{\"$in\":[" + names101 + "]}}}",
            "query.tags.floor.$in may hold at most 100 entries"),
        Arguments.of(
            nested(10), "query" + ".$and[0]".repeat(10) + " is nested deeper than 10 levels"),
        Arguments.of(
            "{\"name\":\"" + "x".repeat(4096 - 10) + "\"}",
            "query must be at most 4096 characters"),
        // not JSON, and hostile JSON
        Arguments.of("{\"name\":", "query is not valid JSON"),
        Arguments.of("{\"name\":\"alpha\"} {}", "query is not valid JSON"),
        Arguments.of("{name:\"alpha\"}", "query is not valid JSON"),
        Arguments.of("{'name':'alpha'}", "query is not valid JSON"),
        Arguments.of(
            "{\"name\":\"alpha\",\"name\":\"beta\"}", "query.name is given more than once"),
        Arguments.of(
            "{\"$or\":[{\"tags\":{\"floor\":\"8\",\"floor\":\"8\"}}]}",
            "query.$or[0].tags.floor is given more than once"),
        Arguments.of("[".repeat(65) + "]".repeat(65), "query is nested deeper than 64 levels"),
        Arguments.of(
            "{\"name\":" + "1".repeat(101) + "}",
            "query.name has a number literal longer than 100 characters"),
        Arguments.of("{\"name\":\"a\\u0000b\"}", "query.name must not contain NUL (\\u0000)"),
        Arguments.of(
            "{\"na\\u0000me\":\"a\"}", "query has a key that must not contain NUL (\\u0000)"),
        Arguments.of(
            "{\"name\":\"\\ud800\"}", "query.name must not contain an unpaired surrogate"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("refusals")
  void aBadQueryIsRefusedWithTheExactPathOfItsMistake(String query, String message) {
    ApiResponse response = owner.get(devices + "?query=" + enc(resolve(query)));
    assertEquals(message, response.expectError(400, "Validation").message());
  }

  @Test
  void theLimitsThemselvesAreAllowed() {
    String ids100 =
        IntStream.range(0, 100)
            .mapToObj(i -> "\"" + "%024x".formatted(i) + "\"")
            .collect(Collectors.joining(","));
    String queries100 =
        IntStream.range(0, 100).mapToObj(i -> "{}").collect(Collectors.joining(","));
    String longest = "{\"name\":\"" + "x".repeat(4096 - 11) + "\"}";
    assertEquals(4096, longest.length());
    assertAll(
        () -> assertEquals(List.of(), names(list("{\"id\":{\"$in\":[" + ids100 + "]}}"))),
        () -> assertEquals(fleet.size(), list("{\"$or\":[" + queries100 + "]}").getInt("count")),
        () -> assertEquals(fleet.size(), list(nested(9)).getInt("count")),
        () -> assertEquals(List.of(), names(list(longest))));
  }

  @Test
  void aBadQueryIsRefusedBeforeTheApplicationIsLookedUp() {
    // 400 for the request's own shape comes before 404.
    ApiResponse response =
        owner.get(
            "/applications/5a0000000000000000000000/devices?query=" + enc("{\"colour\":\"red\"}"));
    assertTrue(response.expectError(400, "Validation").message().startsWith("query.colour"));
  }

  /** {@code depth} queries nested in {@code $and}, each the only entry of its parent's. */
  private static String nested(int depth) {
    return "{\"$and\":[".repeat(depth) + "{}" + "]}".repeat(depth);
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** Replaces {@code @name} by that device's id and {@code @NAME} by its id in upper case. */
  private static String resolve(String query) {
    String resolved = query.replace("@other", otherAppDevice);
    for (Map.Entry<String, JsonObject> device : fleet.entrySet()) {
      String id = device.getValue().getString("id");
      resolved =
          resolved
              .replace(
                  "\"@" + device.getKey().toUpperCase(Locale.ROOT) + "\"",
                  "\"" + id.toUpperCase(Locale.ROOT) + "\"")
              .replace("\"@" + device.getKey() + "\"", "\"" + id + "\"");
    }
    return resolved;
  }

  private static JsonObject list(String query, String... parameters) {
    StringBuilder target = new StringBuilder(devices).append("?query=").append(enc(query));
    for (String parameter : parameters) {
      target.append('&').append(parameter);
    }
    return owner.get(target.toString()).expect(200).object();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String rawGet(String target) {
    return "GET "
        + target
        + " HTTP/1.0\r\nHost: localhost\r\nAccept: application/json\r\nAuthorization: Bearer "
        + System.getProperty("it.owner.token")
        + "\r\nConnection: close\r\n\r\n";
  }

  private static List<String> names(String spaceSeparated) {
    return spaceSeparated.isBlank() ? List.of() : List.of(spaceSeparated.split(" "));
  }

  /** ALL but these, as a space-separated list. */
  private static String without(String... names) {
    Set<String> left = Set.of(names);
    return names(ALL).stream().filter(n -> !left.contains(n)).collect(Collectors.joining(" "));
  }

  private static Comparator<JsonObject> byName() {
    return Comparator.comparing((JsonObject d) -> d.getString("name").toLowerCase(Locale.ROOT))
        .thenComparing(d -> d.getString("id"));
  }

  /** The names in the order of the default sort: lower-cased name, then id. */
  private static List<String> sortedByName(List<String> names) {
    names.forEach(n -> assertTrue(fleet.containsKey(n), "a device of the fleet: " + n));
    return names.stream().map(fleet::get).sorted(byName()).map(d -> d.getString("name")).toList();
  }

  private static List<String> select(Predicate<JsonObject> holds) {
    return fleet.values().stream().filter(holds).map(d -> d.getString("name")).toList();
  }

  private static List<String> names(JsonObject page) {
    return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(d -> d.getString("name"))
        .toList();
  }

  private static List<String> ids(JsonObject page) {
    return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(d -> d.getString("id"))
        .toList();
  }

  private static JsonValue parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }
}
