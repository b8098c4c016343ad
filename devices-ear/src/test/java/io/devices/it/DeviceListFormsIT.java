package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The device list's parameters that shape each device rather than select devices (docs/api.md,
 * "List devices"): {@code tagsAsObject}, {@code attributesAsObject}, {@code excludeConnectionInfo},
 * {@code queryDeleted}; on the wire, and in the /openapi document.
 */
@ExtendWith(ArquillianExtension.class)
class DeviceListFormsIT {
  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private static Api owner;
  private static String devices;
  private static String repeated;
  private static String bare;

  @BeforeAll
  static void setUp() {
    owner = Api.owner();
    Fixtures fixtures = new Fixtures(owner);
    String app = fixtures.application();
    devices = "/applications/" + app + "/devices";
    repeated =
        fixtures
            .device(
                app,
                """
                {"name": "a repeated", "tags": [
                  {"key": "floor", "value": "8"}, {"key": "zone", "value": "z2"},
                  {"key": "floor", "value": "9"}, {"key": "alpha", "value": "a"},
                  {"key": "zone", "value": "z1"}, {"key": "floor", "value": "8"}],
                 "attributes": [{"name": "temp", "dataType": "number"},
                  {"name": "where", "dataType": "gps"}, {"name": "on", "dataType": "boolean"}]}
                """)
            .getString("id");
    bare = fixtures.device(app, "{\"name\": \"b bare\"}").getString("id");
  }

  private static JsonArray items(String query) {
    return owner.get(devices + "?" + query).expect(200).items();
  }

  private static JsonObject device(String query, String id) {
    return items(query).stream()
        .map(JsonValue::asJsonObject)
        .filter(device -> device.getString("id").equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError(id + " is not listed for " + query));
  }

  private static JsonValue json(String text) {
    return Json.createReader(new StringReader(text)).readValue();
  }

  @Test
  void tagsAsObjectMapsEachKeyToItsValueAndARepeatedKeyToItsValuesInOrder() {
    JsonObject device = device("tagsAsObject=true", repeated);
    assertEquals(
        json("{\"floor\": [\"8\", \"9\", \"8\"], \"zone\": [\"z2\", \"z1\"], \"alpha\": \"a\"}"),
        device.get("tags"));
    assertEquals(
        device("", repeated).get("attributes"),
        device.get("attributes"),
        "the attributes keep their list form");
    assertEquals(JsonValue.EMPTY_JSON_OBJECT, device("tagsAsObject=true", bare).get("tags"));
  }

  @Test
  void attributesAsObjectMapsEachNameToItsDataType() {
    JsonObject device = device("attributesAsObject=true", repeated);
    assertEquals(
        json(
            "{\"temp\": {\"dataType\": \"number\"}, \"where\": {\"dataType\": \"gps\"},"
                + " \"on\": {\"dataType\": \"boolean\"}}"),
        device.get("attributes"));
    assertEquals(device("", repeated).get("tags"), device.get("tags"), "the tags stay a list");
    assertEquals(
        JsonValue.EMPTY_JSON_OBJECT, device("attributesAsObject=true", bare).get("attributes"));
  }

  @Test
  void bothObjectFormsTogetherLeaveEveryOtherFieldAsItWas() {
    JsonObject plain = device("", repeated);
    JsonObject shaped = device("tagsAsObject=true&attributesAsObject=true", repeated);
    assertEquals(plain.keySet(), shaped.keySet());
    for (String field : plain.keySet()) {
      if (!field.equals("tags") && !field.equals("attributes")) {
        assertEquals(plain.get(field), shaped.get(field), field);
      }
    }
    assertEquals(JsonValue.ValueType.OBJECT, shaped.get("tags").getValueType());
    assertEquals(JsonValue.ValueType.OBJECT, shaped.get("attributes").getValueType());
  }

  @Test
  void thePageAroundTheObjectFormIsTheSame() {
    JsonObject plain = owner.get(devices + "?perPage=1&filter=*").expect(200).object();
    JsonObject shaped =
        owner.get(devices + "?perPage=1&filter=*&tagsAsObject=true").expect(200).object();
    for (String field : plain.keySet()) {
      if (!field.equals("items")) {
        assertEquals(plain.get(field), shaped.get(field), field);
      }
    }
    assertEquals(2, shaped.getInt("totalCount"));
    assertEquals(1, shaped.getJsonArray("items").size());
  }

  @Test
  void excludeConnectionInfoLeavesTheKeyOut() {
    assertTrue(device("", repeated).containsKey("connectionInfo"));
    for (JsonValue item : items("excludeConnectionInfo=true")) {
      assertFalse(item.asJsonObject().containsKey("connectionInfo"), item.toString());
    }
    JsonObject both = device("excludeConnectionInfo=true&tagsAsObject=true", repeated);
    assertFalse(both.containsKey("connectionInfo"), both.toString());
    assertEquals(JsonValue.ValueType.OBJECT, both.get("tags").getValueType());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tagsAsObject=false",
        "attributesAsObject=false",
        "excludeConnectionInfo=false",
        "queryDeleted=false",
        "tagsAsObject=&attributesAsObject=&excludeConnectionInfo=&queryDeleted=",
        "tagsAsObject=false&attributesAsObject=false&excludeConnectionInfo=false&queryDeleted=false"
      })
  void falseAndBlankAnswerTheDefaultForm(String query) {
    String plain = owner.get(devices).expect(200).body();
    assertEquals(plain, owner.get(devices + "?" + query).expect(200).body());
  }

  @Test
  void queryDeletedListsOnlyDeletedDevices() {
    JsonObject none = owner.get(devices + "?queryDeleted=true").expect(200).object();
    assertEquals(0, none.getInt("totalCount"));
    ApiResponse refused = owner.get(devices + "?queryDeleted=yes").expectError(400, "Validation");
    assertEquals("queryDeleted must be true or false", refused.message());
  }

  @ParameterizedTest
  @CsvSource({
    "tagsAsObject, TRUE",
    "tagsAsObject, 1",
    "attributesAsObject, yes",
    "attributesAsObject, False",
    "excludeConnectionInfo, on",
    "excludeConnectionInfo, true%20",
    "queryDeleted, 0",
    "queryDeleted, no"
  })
  void anythingButTrueOrFalseIsRefusedNamingTheParameter(String parameter, String value) {
    ApiResponse refused =
        owner.get(devices + "?" + parameter + "=" + value).expectError(400, "Validation");
    assertEquals(parameter + " must be true or false", refused.message());
  }

  @Test
  void theOpenApiDocumentDescribesBothForms() {
    JsonObject document = owner.get("/openapi?format=JSON").expect(200).object();
    JsonObject schema =
        at(
            document,
            "paths",
            "/applications/{applicationId}/devices",
            "get",
            "responses",
            "200",
            "content",
            "application/json",
            "schema");
    assertEquals(
        Set.of("#/components/schemas/Devices", "#/components/schemas/ObjectFormDevices"),
        refs(schema.getJsonArray("oneOf")));

    JsonObject schemas = at(document, "components", "schemas");
    Map<String, String> lists = Map.of("tags", "DeviceTag", "attributes", "DeviceAttribute");
    lists.forEach(
        (field, element) -> {
          JsonArray forms =
              at(schemas, "ObjectFormDevice", "properties", field).getJsonArray("oneOf");
          assertEquals(2, forms.size(), field + ": " + forms);
          JsonObject list = forms.getJsonObject(0);
          assertEquals("array", list.getString("type"), field);
          assertEquals("#/components/schemas/" + element, at(list, "items").getString("$ref"));
          JsonObject object = forms.getJsonObject(1);
          assertEquals("object", object.getString("type"), field);
          assertTrue(object.containsKey("additionalProperties"), field + ": " + object);
        });
    assertEquals(
        "#/components/schemas/ObjectFormDevice",
        at(schemas, "ObjectFormDevices", "properties", "items", "items").getString("$ref"));
  }

  /** The object at this path of keys, or a failure that shows where the path ends. */
  private static JsonObject at(JsonObject root, String... keys) {
    JsonObject object = root;
    for (String key : keys) {
      JsonValue value = object.get(key);
      if (!(value instanceof JsonObject next)) {
        throw new AssertionError("no object " + key + " in " + object);
      }
      object = next;
    }
    return object;
  }

  private static Set<String> refs(JsonArray schemas) {
    return schemas.stream()
        .map(schema -> schema.asJsonObject().getString("$ref"))
        .collect(Collectors.toSet());
  }
}
