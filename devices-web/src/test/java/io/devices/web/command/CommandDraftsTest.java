package io.devices.web.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.api.MultiDeviceCommand;
import io.devices.core.command.CommandDraft;
import io.devices.core.common.DomainException;
import io.devices.core.device.query.DeviceQuery;
import io.devices.core.device.query.QueryReader;
import io.devices.core.device.query.Selectors;
import io.devices.web.json.JsonBodies;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A Send Command body, read by the strict body reader and mapped to the core's draft. */
class CommandDraftsTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private static final String ID = "5a0000000000000000000001";

  private static CommandDraft read(String json) {
    return CommandDrafts.of(
        JsonBodies.read(
            new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
            MultiDeviceCommand.class),
        NOW);
  }

  private static String body(String extra) {
    return "{\"name\":\"reboot\",\"deviceIds\":[\"" + ID + "\"]" + extra + "}";
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'\"2026-01-02T03:04:05.678Z\"'|2026-01-02T03:04:05.678Z",
        "'\"2026-01-02T05:04:05+02:00\"'|2026-01-02T03:04:05Z",
        "1767323045678|2026-01-02T03:04:05.678Z",
        "'{\"$date\":\"2026-01-02T03:04:05.678Z\"}'|2026-01-02T03:04:05.678Z",
        "null|2026-11-27T10:00:00Z"
      })
  void timeComesInThreeFormsAndDefaultsToNow(String time, String expected) {
    assertEquals(Instant.parse(expected), read(body(",\"time\":" + time)).time());
  }

  @ParameterizedTest
  @CsvSource({"253402300799999,9999-12-31T23:59:59.999Z", "-62135596800000,0001-01-01T00:00:00Z"})
  void theFirstAndLastMillisecondsOfFourDigitYearsAreTimes(long millis, String expected) {
    assertEquals(Instant.parse(expected), read(body(",\"time\":" + millis)).time());
  }

  @Test
  void withoutTimeTheRequestTimeIsTaken() {
    assertEquals(NOW, read(body("")).time());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\":[1,2,{\"b\":null}]}",
        "[1,\"two\",false]",
        "42",
        "-1.5e3",
        "\"text\"",
        "true",
        "null"
      })
  void anyPayloadIsKeptAsJson(String payload) {
    String kept = read(body(",\"payload\":" + payload)).payloadJson();
    if (payload.equals("null")) {
      assertNull(kept);
    } else {
      assertEquals(payload.replace("-1.5e3", "-1.5E+3"), kept);
    }
  }

  @Test
  void idsAndTagsAreReadDistinctAndLowerCased() {
    CommandDraft draft =
        read(
            "{\"name\":\"x\",\"deviceIds\":[\""
                + ID.toUpperCase()
                + "\",\""
                + ID
                + "\"],\"deviceTags\":[{\"key\":\"floor\"},{\"value\":\"8\"},{\"key\":\"a\",\"value\":\"b\"}]}");
    assertEquals(
        DeviceQuery.or(
            List.of(
                Selectors.ids(List.of(ID)),
                Selectors.tag("t", "floor", null),
                Selectors.tag("t", null, "8"),
                Selectors.tag("t", "a", "b"))),
        draft.targets());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"8|8", "8.50|8.5", "8e1|80", "-0.0|0", "true|true", "false|false", "\"8\"|8"})
  void tagValuesGivenAsNumbersOrBooleansAreComparedAsTheirText(String json, String text) {
    CommandDraft draft =
        read("{\"name\":\"x\",\"deviceTags\":[{\"key\":\"floor\",\"value\":" + json + "}]}");
    assertEquals(Selectors.tag("t", "floor", text), draft.targets());
  }

  @Test
  void theTargetsAreTheUnionOfIdsTagsAndQuery() {
    CommandDraft draft =
        read("{\"name\":\"x\",\"deviceIds\":[\"" + ID + "\"],\"deviceQuery\":{\"name\":\"pump\"}}");
    assertEquals(
        DeviceQuery.or(
            List.of(
                Selectors.ids(List.of(ID)),
                QueryReader.read(
                    jakarta.json.Json.createObjectBuilder().add("name", "pump").build(), "q"))),
        draft.targets());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"deviceIds\":[\"" + ID + "\"]}|name is required",
        "{\"name\":\"\",\"deviceIds\":[\"" + ID + "\"]}|name must be between 1 and 255",
        "{\"name\":7,\"deviceIds\":[\"" + ID + "\"]}|name must be a string",
        "{\"name\":\"x\"}|deviceIds, deviceTags or deviceQuery must select",
        "{\"name\":\"x\",\"deviceIds\":[],\"deviceTags\":[]}|deviceIds, deviceTags or deviceQuery must select",
        "{\"name\":\"x\",\"deviceTags\":[{\"key\":\"a\",\"value\":{}}]}|deviceTags[0].value must be a string, number, boolean or null",
        "{\"name\":\"x\",\"deviceTags\":[{\"key\":\"a\",\"value\":1e300}]}|deviceTags[0].value is a number too long",
        "{\"name\":\"x\",\"deviceQuery\":{\"name\":{\"$startsWith\":\"\"}}}|deviceQuery.name.$startsWith must be a non-empty string",
        "{\"name\":\"x\",\"deviceQuery\":[]}|deviceQuery must be an object",
        "{\"name\":\"x\",\"deviceIds\":[\"nope\"]}|deviceIds[0] must be a 24 character hex id",
        "{\"name\":\"x\",\"deviceIds\":\"" + ID + "\"}|deviceIds must be an array",
        "{\"name\":\"x\",\"deviceTags\":[{}]}|deviceTags[0] must have a key, a value or both",
        "{\"name\":\"x\",\"deviceTags\":[{\"key\":\"a b\"}]}|deviceTags[0].key must match",
        "{\"name\":\"x\",\"deviceTags\":[{\"key\":\"a\",\"x\":1}]}|deviceTags[0].x is not an allowed field",
        "{\"name\":\"x\",\"deviceIds\":[\"" + ID + "\"],\"extra\":1}|extra is not an allowed field",
        "{\"name\":\"x\",\"deviceIds\":[\""
            + ID
            + "\"],\"time\":\"yesterday\"}|time must be an ISO-8601",
        "{\"name\":\"x\",\"deviceIds\":[\"" + ID + "\"],\"time\":1.5}|time must be an ISO-8601",
        "{\"name\":\"x\",\"deviceIds\":[\""
            + ID
            + "\"],\"time\":{\"$date\":5}}|time.$date must be a string",
        "{\"name\":\"x\",\"deviceIds\":[\""
            + ID
            + "\"],\"time\":{\"x\":1}}|time.x is not an allowed field",
        "{\"name\":\"x\",\"deviceIds\":[\"" + ID + "\"],\"time\":[]}|time must be an ISO-8601",
        "{\"name\":\"x\",\"deviceIds\":[\""
            + ID
            + "\"],\"time\":\"+999999999-12-31T23:59:59Z\"}|time must be a date-time in the years 0001 to 9999",
        "{\"name\":\"x\",\"deviceIds\":[\""
            + ID
            + "\"],\"time\":253402300800000}|time must be a date-time in the years 0001 to 9999",
        "{\"name\":\"x\",\"deviceIds\":[\""
            + ID
            + "\"],\"time\":-62135596800001}|time must be a date-time in the years 0001 to 9999",
        "{\"name\":\"x\",\"deviceIds\":[\""
            + ID
            + "\"],\"time\":{\"$date\":\"+10000-01-01T00:00:00Z\"}}|time.$date must be a date-time in the years 0001 to 9999",
        "{\"name\":\"x\",\"deviceIds\":[\"" + ID + "\"],\"time\":1e30}|time must be an ISO-8601"
      })
  void everyRuleNamesItsField(String json, String message) {
    DomainException error = assertThrows(DomainException.class, () -> read(json));
    assertTrue(error.getMessage().startsWith(message), error.getMessage());
  }
}
