package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * docs/api.md and the /openapi document the server serves describe the same API: the same endpoints
 * (method and path), each with the same parameters (name and place, however the resource declares
 * them), and, where the document names the scopes that allow an operation, the same scopes.
 */
@ExtendWith(ArquillianExtension.class)
class ApiReferenceIT {
  private static final String SCOPES = "Scopes, any one of which allows it: ";
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  private static ApiReference documented;
  private static Map<String, JsonObject> served;
  private static JsonObject openApi;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @BeforeAll
  static void readBoth() {
    documented =
        ApiReference.read(Path.of(System.getProperty("repository.root"), "docs", "api.md"));
    openApi = Api.owner().get("/openapi?format=JSON").expect(200).object();
    served = operations(openApi);
  }

  @Test
  void theSameEndpoints() {
    assertFalse(documented.endpoints().isEmpty(), "endpoints in docs/api.md");
    assertEquals(
        served.keySet(),
        new TreeSet<>(documented.endpoints().keySet()),
        "METHOD /path in /openapi (expected) and in docs/api.md (actual)");
  }

  @Test
  void theSameParametersPerEndpoint() {
    List<String> differences = new ArrayList<>();
    documented
        .endpoints()
        .forEach(
            (key, endpoint) -> {
              JsonObject operation = served.get(key);
              if (operation == null) {
                return; // theSameEndpoints names it
              }
              Set<String> inOpenApi = parameters(operation);
              if (!inOpenApi.equals(endpoint.parameters())) {
                differences.add(
                    key + ": /openapi " + inOpenApi + ", docs/api.md " + endpoint.parameters());
              }
            });
    assertEquals(List.of(), differences, "parameters (name in) that differ");
  }

  @Test
  void theSameScopesWhereTheDocumentNamesThem() {
    assertEquals(List.of(), documented.withoutScopes(), "endpoints without a Scopes: line");
    List<String> differences = new ArrayList<>();
    documented
        .endpoints()
        .forEach(
            (key, endpoint) -> {
              JsonObject operation = served.get(key);
              String description = operation == null ? "" : operation.getString("description", "");
              int at = description.indexOf(SCOPES);
              if (at < 0) {
                return;
              }
              String list = description.substring(at + SCOPES.length()).replaceAll("\\.$", "");
              Set<String> inOpenApi = new TreeSet<>(Arrays.asList(list.split(",\\s*")));
              if (!inOpenApi.equals(endpoint.scopes())) {
                differences.add(
                    key + ": /openapi " + inOpenApi + ", docs/api.md " + endpoint.scopes());
              }
            });
    assertEquals(List.of(), differences, "scopes that differ");
  }

  /** Every operation of the document by "METHOD /path". */
  private static Map<String, JsonObject> operations(JsonObject openApi) {
    Map<String, JsonObject> operations = new TreeMap<>();
    openApi
        .getJsonObject("paths")
        .forEach(
            (path, item) ->
                item.asJsonObject()
                    .forEach(
                        (method, operation) -> {
                          if (METHODS.contains(method)) {
                            JsonObject withPath =
                                jakarta.json.Json.createObjectBuilder(operation.asJsonObject())
                                    .add("x-path-parameters", pathLevel(item.asJsonObject()))
                                    .build();
                            operations.put(method.toUpperCase() + " " + path, withPath);
                          }
                        }));
    return operations;
  }

  private static JsonArray pathLevel(JsonObject item) {
    return item.containsKey("parameters")
        ? item.getJsonArray("parameters")
        : JsonValue.EMPTY_JSON_ARRAY;
  }

  /** "name in" of the path's and the operation's parameters, references resolved. */
  private static Set<String> parameters(JsonObject operation) {
    Set<String> names = new TreeSet<>();
    List<JsonValue> all = new ArrayList<>(operation.getJsonArray("x-path-parameters"));
    if (operation.containsKey("parameters")) {
      all.addAll(operation.getJsonArray("parameters"));
    }
    for (JsonValue value : all) {
      JsonObject parameter = resolve(value.asJsonObject());
      names.add(parameter.getString("name") + " " + parameter.getString("in"));
    }
    return names;
  }

  private static JsonObject resolve(JsonObject parameter) {
    String ref = parameter.getString("$ref", null);
    if (ref == null) {
      return parameter;
    }
    String name = ref.substring(ref.lastIndexOf('/') + 1);
    return openApi.getJsonObject("components").getJsonObject("parameters").getJsonObject(name);
  }
}
