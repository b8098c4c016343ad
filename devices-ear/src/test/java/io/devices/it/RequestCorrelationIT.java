package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each request's correlation id: the caller's {@code X-Request-Id} when well-formed, else a new
 * one; echoed in the response and found in the JSON log records the request wrote.
 */
@ExtendWith(ArquillianExtension.class)
class RequestCorrelationIT {
  private static final String HEADER = "X-Request-Id";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private static ApiResponse getWithId(Api api, String id) {
    return api.send(api.request("/applications").header(HEADER, id));
  }

  @Test
  void aWellFormedIdFromTheCallerIsEchoed() {
    String id = "it-" + UUID.randomUUID();
    ApiResponse response = getWithId(Api.owner(), id).expect(200);
    assertEquals(id, response.header(HEADER));
  }

  @Test
  void withoutAnIdEachRequestGetsANewOne() {
    String first = Api.owner().get("/applications").expect(200).header(HEADER);
    String second = Api.owner().get("/applications").expect(200).header(HEADER);
    assertEquals(first, UUID.fromString(first).toString());
    assertNotEquals(first, second);
  }

  @ParameterizedTest
  @ValueSource(strings = {"two words", "quote\"d", "Root=1-abc;Parent=2", "<script>"})
  void aMalformedIdIsReplaced(String incoming) {
    String id = getWithId(Api.owner(), incoming).expect(200).header(HEADER);
    assertEquals(id, UUID.fromString(id).toString());
  }

  @Test
  void anOverlongIdIsReplaced() {
    String id = getWithId(Api.owner(), "x".repeat(129)).expect(200).header(HEADER);
    assertEquals(id, UUID.fromString(id).toString());
  }

  @Test
  void errorResponsesCarryTheIdToo() {
    String id = "it-" + UUID.randomUUID();
    ApiResponse refused = getWithId(Api.owner().withToken(null), id);
    refused.expectError(401, "Unauthorized");
    assertEquals(id, refused.header(HEADER));
  }

  @Test
  void theRequestsLogRecordsAndAccessLogRecordCarryItsId() {
    Api owner = Api.owner();
    String app = new Fixtures(owner).application("correlation " + UUID.randomUUID());
    String id = "it-" + UUID.randomUUID();
    String path =
        Exports.exportPath(
            app, Map.of("email", "correlation-" + UUID.randomUUID() + "@it.example"));
    ApiResponse accepted =
        owner.send(
            owner.request(path).header(HEADER, id).POST(HttpRequest.BodyPublishers.noBody()));
    String exportId = accepted.expect(200).object().getString("exportId");

    JsonObject logged =
        awaitRecord(
            "the export's log record with ext_requestId " + id,
            r -> id.equals(r.getString("ext_requestId", null)));
    assertEquals("liberty_message", logged.getString("type"), logged.toString());
    assertTrue(logged.getString("message").contains("Export " + exportId), logged.toString());

    JsonObject access =
        awaitRecord(
            "the access log record with " + id,
            r -> r.getString("type", "").equals("liberty_accesslog") && r.toString().contains(id));
    assertTrue(access.toString().contains("/devices/export"), access.toString());
  }

  /** The first JSON record of messages.log that matches, waiting for Liberty to write it. */
  private static JsonObject awaitRecord(String what, Predicate<JsonObject> matches) {
    Path log =
        Path.of(
            System.getProperty("wlp.home"),
            "usr/servers",
            System.getProperty("it.server.name"),
            "logs/messages.log");
    return Awaits.until(
        what + " in " + log,
        Duration.ofSeconds(20),
        () -> records(log).stream().filter(matches).findFirst());
  }

  private static List<JsonObject> records(Path log) {
    try {
      return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
          .filter(line -> line.startsWith("{"))
          .map(RequestCorrelationIT::parse)
          .flatMap(Optional::stream)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<JsonObject> parse(String line) {
    try (JsonReader reader = Json.createReader(new StringReader(line))) {
      return Optional.of(reader.readObject());
    } catch (JsonParsingException e) {
      return Optional.empty(); // a line being written
    }
  }
}
