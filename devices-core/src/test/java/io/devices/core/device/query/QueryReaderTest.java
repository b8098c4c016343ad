package io.devices.core.device.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.devices.core.common.DomainException;
import io.devices.core.device.DeviceClass;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON form of the query: the tree each form reads into, and every refusal's exact message. */
class QueryReaderTest {
  private static final String ID = "5a0000000000000000000abc";
  private static final String KEYS =
      "$and, $or, $nor, id, gatewayId, name, deviceClass, creationDate, lastUpdated, deletedAt,"
          + " attributeName, tags, connectionStatus";
  private static final String DATE_RULE =
      " must be an ISO-8601 date-time or milliseconds since the epoch";
  private static final String CLASSES =
      Arrays.stream(DeviceClass.values()).map(Enum::name).collect(Collectors.joining(", "));

  private static DeviceQuery read(String json) {
    return QueryReader.read(parse(json), "query");
  }

  private static JsonValue parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }

  private static FieldCondition field(QueryField field, Operator operator, Object... values) {
    return new FieldCondition(field, operator, new ArrayList<>(Arrays.asList(values)), false);
  }

  private static TagCondition tag(String key, String value) {
    return new TagCondition(
        key == null ? TextMatch.ANY : TextMatch.equalTo(key),
        value == null ? TextMatch.ANY : TextMatch.equalTo(value));
  }

  // ---- the trees

  @Test
  void anEmptyObjectIsEverythingAndKeysAreAnImplicitAnd() {
    assertEquals(DeviceQuery.everything(), read("{}"));
    assertEquals(
        new Junction(
            Junction.Kind.and,
            List.of(
                field(QueryField.name, Operator.eq, "a"),
                field(QueryField.deviceClass, Operator.eq, "gateway"))),
        read("{\"name\":\"a\",\"deviceClass\":\"gateway\"}"));
  }

  @Test
  void junctionsHoldTheirQueriesInOrder() {
    assertEquals(
        new Junction(
            Junction.Kind.nor,
            List.of(
                field(QueryField.name, Operator.eq, "a"),
                new Junction(Junction.Kind.or, List.of(field(QueryField.name, Operator.eq, "b"))))),
        read("{\"$nor\":[{\"name\":\"a\"},{\"$or\":[{\"name\":\"b\"}]}]}"));
  }

  @Test
  void idsAreLowerCasedAndNullIsAValue() {
    assertEquals(
        field(QueryField.id, Operator.eq, ID), read("{\"id\":\"" + ID.toUpperCase() + "\"}"));
    assertEquals(
        field(QueryField.gatewayId, Operator.in, ID, null),
        read("{\"gatewayId\":{\"$in\":[\"" + ID.toUpperCase() + "\",null]}}"));
    assertEquals(
        field(QueryField.gatewayId, Operator.ne, (Object) null),
        read("{\"gatewayId\":{\"$ne\":null}}"));
  }

  @Test
  void numbersAndBooleansAreComparedAsTheirText() {
    assertEquals(field(QueryField.name, Operator.eq, "8"), read("{\"name\":8}"));
    assertEquals(field(QueryField.name, Operator.eq, "8"), read("{\"name\":8.000}"));
    assertEquals(field(QueryField.name, Operator.eq, "8.5"), read("{\"name\":8.50}"));
    assertEquals(field(QueryField.name, Operator.eq, "80"), read("{\"name\":8e1}"));
    assertEquals(field(QueryField.name, Operator.eq, "0"), read("{\"name\":-0.0}"));
    assertEquals(field(QueryField.name, Operator.eq, "-0.001"), read("{\"name\":-1e-3}"));
    assertEquals(field(QueryField.name, Operator.eq, "true"), read("{\"name\":true}"));
    assertEquals(
        field(QueryField.name, Operator.in, "false", null, "x"),
        read("{\"name\":{\"$in\":[false,null,\"x\"]}}"));
    assertEquals(tag("floor", "8"), read("{\"tags\":{\"floor\":8.0}}"));
    assertEquals(
        new TagCondition(TextMatch.ANY, new TextMatch(TextMatch.Kind.in, List.of("8.5", "true"))),
        read("{\"tags\":{\"$tagValue\":{\"$in\":[8.50,true]}}}"));
  }

  @Test
  void aTagValueOfASelectorIsItsTextToo() {
    assertEquals("8", QueryReader.tagValueText(parse("8"), "v"));
    assertEquals("8.5", QueryReader.tagValueText(parse("8.50"), "v"));
    assertEquals("true", QueryReader.tagValueText(parse("true"), "v"));
    assertEquals("eight", QueryReader.tagValueText(parse("\"eight\""), "v"));
    assertEquals(null, QueryReader.tagValueText(JsonValue.NULL, "v"));
  }

  @Test
  void datesAreEpochMillisecondsFromEitherForm() {
    long millis = 1767323045678L; // 2026-01-02T03:04:05.678Z
    FieldCondition expected = field(QueryField.creationDate, Operator.gt, millis);
    assertEquals(expected, read("{\"creationDate\":{\"$gt\":\"2026-01-02T03:04:05.678Z\"}}"));
    assertEquals(expected, read("{\"creationDate\":{\"$gt\":\"2026-01-02T05:04:05.678+02:00\"}}"));
    assertEquals(expected, read("{\"creationDate\":{\"$gt\":" + millis + "}}"));
    assertEquals(
        field(QueryField.lastUpdated, Operator.in, 0L, null),
        read("{\"lastUpdated\":{\"$in\":[\"1970-01-01T00:00:00Z\",null]}}"));
    assertEquals(
        field(QueryField.lastUpdated, Operator.eq, -62135596800000L),
        read("{\"lastUpdated\":\"0001-01-01T00:00:00.000Z\"}"));
    assertEquals(
        field(QueryField.lastUpdated, Operator.eq, 253402300799999L),
        read("{\"lastUpdated\":253402300799999}"));
  }

  @Test
  void operatorsOfOneObjectMustAllHoldAndCiAppliesToEach() {
    assertEquals(
        new Junction(
            Junction.Kind.and,
            List.of(
                new FieldCondition(QueryField.name, Operator.startsWith, List.of("Ab"), true),
                new FieldCondition(QueryField.name, Operator.ne, List.of("abc"), true))),
        read("{\"name\":{\"$startsWith\":\"Ab\",\"$ci\":true,\"$ne\":\"abc\"}}"));
    assertEquals(
        new FieldCondition(QueryField.deviceClass, Operator.eq, List.of("GATEWAY"), true),
        read("{\"deviceClass\":{\"$eq\":\"GATEWAY\",\"$ci\":true}}"));
    assertEquals(
        field(QueryField.connectionStatus, Operator.nin, true),
        read("{\"connectionStatus\":{\"$nin\":[\"connected\"]}}"));
  }

  @Test
  void attributeNamesTakeTheOperatorsOfNames() {
    assertEquals(
        new Junction(
            Junction.Kind.and,
            List.of(
                new AttributeCondition(Operator.ne, List.of("temp"), false),
                new AttributeCondition(Operator.startsWith, List.of("T"), false))),
        read("{\"attributeName\":{\"$ne\":\"temp\",\"$startsWith\":\"T\"}}"));
    assertEquals(
        new AttributeCondition(Operator.eq, List.of("8"), false), read("{\"attributeName\":8}"));
  }

  @Test
  void tagsInEveryForm() {
    assertEquals(
        new Junction(Junction.Kind.and, List.of(tag("floor", "8"), tag("kind", null))),
        read("{\"tags\":{\"floor\":\"8\",\"kind\":null}}"));
    assertEquals(
        new TagCondition(
            TextMatch.equalTo("floor"), new TextMatch(TextMatch.Kind.notIn, List.of("8", "9"))),
        read("{\"tags\":{\"floor\":{\"$nin\":[\"8\",9]}}}"));
    assertEquals(
        new TagCondition(new TextMatch(TextMatch.Kind.in, List.of("a", "b")), TextMatch.ANY),
        read("{\"tags\":{\"$tagKey\":{\"$in\":[\"a\",\"b\"]},\"$tagValue\":null}}"));
    assertEquals(tag(null, "8"), read("{\"tags\":{\"$tagValue\":\"8\"}}"));
    assertEquals(tag("floor", null), read("{\"tags\":{\"$eq\":{\"$tagKey\":\"floor\"}}}"));
    assertEquals(
        new Junction(Junction.Kind.nor, List.of(tag("floor", "8"))),
        read("{\"tags\":{\"$ne\":{\"floor\":\"8\"}}}"));
  }

  @Test
  void anEmptyInSelectsNothingAndAnEmptyNinExcludesNothing() {
    DeviceQuery nothing = QueryReader.NOTHING;
    assertEquals(nothing, read("{\"name\":{\"$in\":[]}}"));
    assertEquals(nothing, read("{\"id\":{\"$in\":[]}}"));
    assertEquals(nothing, read("{\"creationDate\":{\"$in\":[]}}"));
    assertEquals(nothing, read("{\"attributeName\":{\"$in\":[]}}"));
    assertEquals(nothing, read("{\"tags\":{\"floor\":{\"$in\":[]}}}"));
    assertEquals(nothing, read("{\"tags\":{\"$tagKey\":{\"$in\":[]},\"$tagValue\":\"8\"}}"));
    assertEquals(DeviceQuery.everything(), read("{\"name\":{\"$nin\":[]}}"));
    assertEquals(DeviceQuery.everything(), read("{\"gatewayId\":{\"$nin\":[]}}"));
    assertEquals(DeviceQuery.everything(), read("{\"attributeName\":{\"$nin\":[]}}"));
    assertEquals(tag("floor", null), read("{\"tags\":{\"floor\":{\"$nin\":[]}}}"));
    assertEquals(
        field(QueryField.name, Operator.ne, "a"), read("{\"name\":{\"$nin\":[],\"$ne\":\"a\"}}"));
    // The meaning, in memory: nothing holds for a device, everything does.
    assertEquals(
        List.of(false, true),
        Stream.of(nothing, DeviceQuery.everything())
            .map(q -> q.matches(io.devices.core.device.TestDevices.withTags("d", List.of())))
            .toList());
  }

  // ---- every refusal, exactly

  static Stream<Arguments> refusals() {
    String ids101 =
        IntStream.range(0, 101)
            .mapToObj(i -> "\"" + "%024x".formatted(i) + "\"")
            .collect(Collectors.joining(","));
    return Stream.of(
        Arguments.of(
            "{\"name\":\"" + "x".repeat(4096 - 10) + "\"}",
            "query must be at most 4096 characters"),
        Arguments.of(
            "{\"$and\":[".repeat(10) + "{}" + "]}".repeat(10),
            "query" + ".$and[0]".repeat(10) + " is nested deeper than 10 levels"),
        Arguments.of("{\"deletedAt\":\"today\"}", "query.deletedAt" + DATE_RULE),
        Arguments.of("{\"parentId\":null}", "query.parentId is not supported by this server"),
        Arguments.of("{\"ancestorId\":null}", "query.ancestorId is not supported by this server"),
        Arguments.of(
            "{\"experienceUserId\":null}",
            "query.experienceUserId is not supported by this server"),
        Arguments.of(
            "{\"experienceGroupId\":null}",
            "query.experienceGroupId is not supported by this server"),
        Arguments.of("{\"connectedAt\":null}", "query.connectedAt is not supported by this server"),
        Arguments.of(
            "{\"disconnectedAt\":null}", "query.disconnectedAt is not supported by this server"),
        Arguments.of("{\"colour\":1}", "query.colour is not a query key; use one of " + KEYS),
        Arguments.of("{\"$or\":[]}", "query.$or must hold at least one query"),
        Arguments.of("{\"$and\":{}}", "query.$and must be an array"),
        Arguments.of("{\"$nor\":[1]}", "query.$nor[0] must be an object"),
        Arguments.of("[]", "query must be an object"),
        Arguments.of(
            "{\"$or\":[" + "{},".repeat(100) + "{}]}", "query.$or may hold at most 100 entries"),
        Arguments.of(
            "{\"id\":{\"$in\":[" + ids101 + "]}}", "query.id.$in may hold at most 100 entries"),
        Arguments.of("{\"id\":{}}", "query.id must hold exactly one operator"),
        Arguments.of(
            "{\"id\":{\"$ne\":null,\"$eq\":null}}", "query.id must hold exactly one operator"),
        Arguments.of(
            "{\"id\":{\"$contains\":\"5a\"}}",
            "query.id.$contains is not an operator for ids;"
                + " use $eq, $ne, $gt, $lt, $gte, $lte, $in or $nin"),
        Arguments.of(
            "{\"gatewayId\":{\"$like\":\"5a\"}}",
            "query.gatewayId.$like is not an operator for ids;"
                + " use $eq, $ne, $gt, $lt, $gte, $lte, $in or $nin"),
        Arguments.of("{\"id\":\"5a\"}", "query.id must be a 24-character hex id or null"),
        Arguments.of(
            "{\"gatewayId\":{\"$in\":[\"" + ID + "\",7]}}",
            "query.gatewayId.$in[1] must be a 24-character hex id or null"),
        Arguments.of("{\"name\":{}}", "query.name must hold at least one operator"),
        Arguments.of("{\"name\":{\"$ci\":false}}", "query.name must hold at least one operator"),
        Arguments.of(
            "{\"creationDate\":{\"$ci\":true,\"$gt\":0}}",
            "query.creationDate.$ci is only allowed on text fields"),
        Arguments.of(
            "{\"connectionStatus\":{\"$ci\":true,\"$eq\":\"connected\"}}",
            "query.connectionStatus.$ci is only allowed on text fields"),
        Arguments.of(
            "{\"name\":{\"$ci\":1,\"$eq\":\"a\"}}", "query.name.$ci must be true or false"),
        Arguments.of(
            "{\"name\":{\"$regex\":\"a\"}}",
            "query.name.$regex is not an operator; use $eq, $ne, $gt, $lt, $gte, $lte, $in, $nin, $startsWith, $endsWith, $contains or $ci"),
        Arguments.of(
            "{\"lastUpdated\":{\"$endsWith\":\"Z\"}}",
            "query.lastUpdated.$endsWith is not an operator for lastUpdated; use $eq, $ne, $gt, $lt, $gte, $lte, $in or $nin"),
        Arguments.of(
            "{\"connectionStatus\":{\"$contains\":\"conn\"}}",
            "query.connectionStatus.$contains is not an operator for connectionStatus; use $eq, $ne, $in or $nin"),
        Arguments.of(
            "{\"connectionStatus\":{\"$lte\":\"connected\"}}",
            "query.connectionStatus.$lte is not an operator for connectionStatus;"
                + " use $eq, $ne, $in or $nin"),
        Arguments.of("{\"name\":[]}", "query.name must be a string, number, boolean or null"),
        Arguments.of(
            "{\"attributeName\":{\"$in\":[{}]}}",
            "query.attributeName.$in[0] must be a string, number, boolean or null"),
        Arguments.of(
            "{\"name\":1e255}",
            "query.name is a number too long to compare as text (at most 255 digits)"),
        Arguments.of(
            "{\"name\":{\"$gt\":1e-254}}",
            "query.name.$gt is a number too long to compare as text (at most 255 digits)"),
        Arguments.of("{\"deviceClass\":\"hub\"}", "query.deviceClass must be one of " + CLASSES),
        Arguments.of(
            "{\"deviceClass\":{\"$ne\":\"Gateway\"}}",
            "query.deviceClass.$ne must be one of " + CLASSES),
        Arguments.of("{\"creationDate\":\"today\"}", "query.creationDate" + DATE_RULE),
        Arguments.of("{\"creationDate\":{\"$lt\":0.5}}", "query.creationDate.$lt" + DATE_RULE),
        Arguments.of("{\"creationDate\":{\"$lt\":1e19}}", "query.creationDate.$lt" + DATE_RULE),
        Arguments.of("{\"lastUpdated\":[]}", "query.lastUpdated" + DATE_RULE),
        Arguments.of(
            "{\"lastUpdated\":\"+10000-01-01T00:00:00Z\"}",
            "query.lastUpdated must be a date-time in the years 0001 to 9999"),
        Arguments.of(
            "{\"lastUpdated\":{\"$gt\":-62135596800001}}",
            "query.lastUpdated.$gt must be a date-time in the years 0001 to 9999"),
        Arguments.of(
            "{\"connectionStatus\":\"Connected\"}",
            "query.connectionStatus must be connected or disconnected"),
        Arguments.of(
            "{\"name\":{\"$startsWith\":\"\"}}",
            "query.name.$startsWith must be a non-empty string"),
        Arguments.of(
            "{\"$or\":[{\"name\":\"a\"},{\"name\":{\"$startsWith\":\"\"}}]}",
            "query.$or[1].name.$startsWith must be a non-empty string"),
        Arguments.of("{\"name\":{\"$in\":\"a\"}}", "query.name.$in must be an array"),
        // tags
        Arguments.of("{\"tags\":[]}", "query.tags must be an object"),
        Arguments.of(
            "{\"tags\":{\"$ne\":{\"a\":null},\"$eq\":{\"b\":null}}}",
            "query.tags must hold $eq or $ne alone"),
        Arguments.of("{\"tags\":{\"$eq\":[]}}", "query.tags.$eq must be an object"),
        Arguments.of("{\"tags\":{}}", "query.tags must name at least one tag"),
        Arguments.of(
            "{\"tags\":{\"$tagValue\":\"8\",\"$value\":\"9\"}}",
            "query.tags.$value is not allowed beside $tagKey and $tagValue"),
        Arguments.of(
            "{\"tags\":{\"$key\":\"floor\"}}", "query.tags.$key is not an operator of tags"),
        Arguments.of(
            "{\"tags\":{\"fl oor\":\"8\"}}",
            "query.tags.fl oor (a tag key) must match ^[0-9a-zA-Z_-]{1,255}$"),
        Arguments.of(
            "{\"tags\":{\"floor\":{\"$in\":[\"8\"],\"$nin\":[\"9\"]}}}",
            "query.tags.floor must be a value, null, {\"$in\": [..]} or {\"$nin\": [..]}"),
        Arguments.of(
            "{\"tags\":{\"$tagKey\":{\"$in\":[null]}}}",
            "query.tags.$tagKey.$in[0] must be a string, number or boolean"),
        Arguments.of(
            "{\"tags\":{\"$tagKey\":\"a.b\"}}",
            "query.tags.$tagKey must match ^[0-9a-zA-Z_-]{1,255}$"),
        Arguments.of(
            "{\"tags\":{\"floor\":\"" + "v".repeat(256) + "\"}}",
            "query.tags.floor must be between 1 and 255 characters"),
        Arguments.of(
            "{\"tags\":{\"floor\":{\"$nin\":\"8\"}}}", "query.tags.floor.$nin must be an array"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("refusals")
  void everyRefusalNamesThePathAndTheRule(String json, String message) {
    DomainException e = assertThrows(DomainException.class, () -> read(json));
    assertEquals(message, e.getMessage());
  }

  @Test
  void theNameOfTheQueryIsThePathsRoot() {
    DomainException e =
        assertThrows(
            DomainException.class,
            () -> QueryReader.read(parse("{\"$or\":[{\"id\":1}]}"), "deviceQuery"));
    assertEquals("deviceQuery.$or[0].id must be a 24-character hex id or null", e.getMessage());
  }

  @Test
  void theLimitsThemselvesAreAllowed() {
    String ids100 =
        IntStream.range(0, 100)
            .mapToObj(i -> "\"" + "%024x".formatted(i) + "\"")
            .collect(Collectors.joining(","));
    assertEquals(
        QueryField.id, ((FieldCondition) read("{\"id\":{\"$in\":[" + ids100 + "]}}")).field());
    DeviceQuery nine = read("{\"$and\":[".repeat(9) + "{}" + "]}".repeat(9));
    for (int level = 0; level < 9; level++) {
      nine = ((Junction) nine).parts().get(0);
    }
    assertEquals(DeviceQuery.everything(), nine);
    String longest = "{\"name\":\"" + "x".repeat(4096 - 11) + "\"}";
    assertEquals(4096, longest.length());
    assertEquals(field(QueryField.name, Operator.eq, "x".repeat(4085)), read(longest));
    assertEquals("1" + "0".repeat(254), ((FieldCondition) read("{\"name\":1e254}")).value());
  }
}
