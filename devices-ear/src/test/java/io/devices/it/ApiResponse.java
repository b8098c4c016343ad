package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpHeaders;

/**
 * A response of the server to {@link Api}, over the JDK client or a raw socket: status, headers and
 * the body (de-chunked), parsed when it is JSON.
 */
public record ApiResponse(int status, HttpHeaders headers, String body) {

  public JsonValue json() {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readValue();
    }
  }

  public JsonObject object() {
    return json().asJsonObject();
  }

  public JsonArray items() {
    return object().getJsonArray("items");
  }

  public String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  /** Asserts the status, with the body in the failure message. */
  public ApiResponse expect(int expected) {
    assertEquals(expected, status, () -> "unexpected status, body: " + body);
    return this;
  }

  /** Asserts a JSON error body {"type","message"} of the given status and type. */
  public ApiResponse expectError(int expectedStatus, String type) {
    expect(expectedStatus);
    String contentType = header("content-type");
    assertTrue(
        contentType != null && contentType.startsWith("application/json"),
        "content-type " + contentType);
    JsonObject error = object();
    assertEquals(type, error.getString("type"), body);
    assertTrue(error.containsKey("message") && !error.getString("message").isBlank(), body);
    assertEquals(2, error.size(), () -> "error body has only type and message: " + body);
    return this;
  }

  public String message() {
    return object().getString("message");
  }
}
