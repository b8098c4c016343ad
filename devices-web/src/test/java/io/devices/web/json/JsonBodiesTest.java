package io.devices.web.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.api.ApiTokenPatch;
import io.devices.api.ApiTokenPost;
import io.devices.api.ApplicationPost;
import io.devices.api.DeviceAttribute;
import io.devices.api.DevicePost;
import io.devices.api.DeviceTag;
import io.devices.api.ExportPost;
import io.devices.api.MultiDeviceCommand;
import io.devices.core.common.DomainException;
import io.devices.web.error.BodyNotJsonException;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict body reader: each rule, with the message that names the field. */
class JsonBodiesTest {
  private static <R extends Record> R read(String json, Class<R> type) {
    return read(json.getBytes(StandardCharsets.UTF_8), type);
  }

  private static <R extends Record> R read(byte[] body, Class<R> type) {
    return JsonBodies.read(new ByteArrayInputStream(body), type);
  }

  private static String refused(String json) {
    return assertThrows(DomainException.class, () -> read(json, DevicePost.class)).getMessage();
  }

  @Test
  void aBodyBindsToTheRecordWithNestedRecordsInOrder() {
    DevicePost post =
        read(
            "{\"name\":\"d\",\"tags\":[{\"key\":\"k\",\"value\":\"1\"},{\"key\":\"k\",\"value\":\"2\"}],"
                + "\"attributes\":[{\"name\":\"t\",\"dataType\":\"number\"}],\"description\":null}",
            DevicePost.class);
    assertEquals(
        new DevicePost(
            "d",
            null,
            List.of(new DeviceTag("k", "1"), new DeviceTag("k", "2")),
            List.of(new DeviceAttribute("t", "number")),
            null,
            null),
        post);
  }

  @Test
  void everyRequestRecordIsReadable() {
    assertNull(read("{}", ApplicationPost.class).name());
    assertNull(read("{}", ApiTokenPost.class).scope());
    assertNull(read("{}", ApiTokenPatch.class).status());
    assertNull(read("{}", DevicePost.class).tags());
    assertNull(read("{}", MultiDeviceCommand.class).payload());
  }

  @Test
  void anyJsonComponentKeepsTheJsonValue() {
    MultiDeviceCommand command =
        read("{\"payload\":{\"a\":[1,true]},\"time\":5}", MultiDeviceCommand.class);
    assertEquals(
        Json.createObjectBuilder().add("a", Json.createArrayBuilder().add(1).add(true)).build(),
        command.payload());
    assertEquals(Json.createValue(5), command.time());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|The request body is required",
        "'  \n'|The request body is required",
        "[]|The request body must be a JSON object",
        "'\"text\"'|The request body must be a JSON object",
        "{|The request body is not valid JSON",
        "'{\"name\":\"a\"} {}'|The request body is not valid JSON",
        "'{\"name\":\"a\",}'|The request body is not valid JSON",
        "'{\"extra\":1}'|extra is not an allowed field",
        "'{\"name\":7}'|name must be a string",
        "'{\"tags\":{}}'|tags must be an array",
        "'{\"tags\":[{},7]}'|tags[1] must be an object",
        "'{\"tags\":[{\"key\":\"k\",\"x\":1}]}'|tags[0].x is not an allowed field",
        "'{\"tags\":[{\"key\":[]}]}'|tags[0].key must be a string",
        "'{\"attributes\":[{\"name\":\"a\"},{\"dataType\":false}]}'|attributes[1].dataType must be a string"
      })
  void typesAndFieldsComeFromTheRecord(String json, String message) {
    assertEquals(message, refused(json));
  }

  @Test
  void stringsInListsAreCheckedOneByOne() {
    DomainException e =
        assertThrows(
            DomainException.class,
            () -> read("{\"scope\":[\"devices.get\",null]}", ApiTokenPost.class));
    assertEquals("scope[1] must be a string", e.getMessage());
  }

  @Test
  void invalidUtf8IsRefused() {
    byte[] body = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xff, '"', '}'};
    DomainException e = assertThrows(DomainException.class, () -> read(body, DevicePost.class));
    assertEquals("The request body is not valid UTF-8", e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'{\"name\":\"a\",\"name\":\"b\"}'|name is given more than once",
        "'{\"tags\":[{\"key\":\"a\",\"key\":\"b\"}]}'|tags[0].key is given more than once",
        "'{\"name\":\"a\\u0000b\"}'|name must not contain NUL (\\u0000)",
        "'{\"tags\":[{\"key\":\"k\",\"value\":\"\\u0000\"}]}'|tags[0].value must not contain NUL (\\u0000)",
        "'{\"name\":\"a\\ud800b\"}'|name must not contain an unpaired surrogate",
        "'{\"name\":\"a\\udc00\"}'|name must not contain an unpaired surrogate",
        "'{\"name\":\"\\ud83d\"}'|name must not contain an unpaired surrogate",
        "'{\"n\\u0000\":1}'|The request body has a key that must not contain NUL (\\u0000)",
        "'{\"tags\":[{\"\\ud800\":1}]}'|tags[0] has a key that must not contain an unpaired surrogate"
      })
  void hostileKeysAndStringsAreRefusedNamingTheField(String json, String message) {
    assertEquals(message, refused(json));
  }

  @Test
  void aPairedSurrogateIsOneCharacter() {
    assertEquals("\uD83D\uDE80", read("{\"name\":\"\\ud83d\\ude80\"}", DevicePost.class).name());
  }

  @Test
  void numberLiteralsAreRefusedBeyondOneHundredCharacters() {
    String hundred = "1".repeat(100);
    MultiDeviceCommand ok = read("{\"payload\":" + hundred + "}", MultiDeviceCommand.class);
    assertEquals(hundred, ok.payload().toString());
    DomainException e =
        assertThrows(
            DomainException.class,
            () -> read("{\"payload\":[0," + hundred + "1]}", MultiDeviceCommand.class));
    assertEquals("payload[1] has a number literal longer than 100 characters", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"payload", "time"})
  void nestingStopsAtSixtyFourLevelsNamingTheField(String field) {
    String deepest = "[".repeat(63) + "]".repeat(63);
    read("{\"" + field + "\":" + deepest + "}", MultiDeviceCommand.class);
    String deeper = "[".repeat(64) + "]".repeat(64);
    DomainException e =
        assertThrows(
            DomainException.class,
            () -> read("{\"" + field + "\":" + deeper + "}", MultiDeviceCommand.class));
    assertEquals(field + " is nested deeper than 64 levels", e.getMessage());
  }

  @Test
  void aMebibyteOfOpenBracketsIsRefusedAtLevelSixtyFiveWithoutReadingFurther() {
    CountingReader body = new CountingReader("[".repeat(1024 * 1024));
    DomainException e = assertThrows(DomainException.class, () -> StrictJsonParser.parse(body));
    assertEquals("The request body is nested deeper than 64 levels", e.getMessage());
    assertTrue(body.read < 64 * 1024, () -> body.read + " characters read");
  }

  @Test
  void aTreeWithinTheLimitsIsReturnedWhole() {
    JsonValue value =
        StrictJsonParser.parse(new StringReader("{\"a\":[1,{\"b\":null}],\"c\":\"d\"}"));
    assertEquals("{\"a\":[1,{\"b\":null}],\"c\":\"d\"}", value.toString());
  }

  /** Counts what the parser asked for. */
  private static final class CountingReader extends Reader {
    private final Reader text;
    long read;

    CountingReader(String text) {
      this.text = new StringReader(text);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws java.io.IOException {
      int n = text.read(buffer, offset, length);
      read += Math.max(n, 0);
      return n;
    }

    @Override
    public void close() {}
  }

  private static ExportPost optional(String body, boolean json) {
    return JsonBodies.readOptional(
        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), ExportPost.class, json);
  }

  @Test
  void anOptionalBodyThatIsLeftOutBindsToNull() {
    assertNull(optional("", true));
    assertNull(optional("", false), "no body needs no type");
    assertNull(optional(" \r\n\t", true));
    assertNull(JsonBodies.readOptional(null, ExportPost.class, false));
    assertEquals(new ExportPost(null, null, null, null), optional("{}", true));
  }

  @Test
  void anOptionalBodyThatIsSentIsReadStrictlyAndMustBeJson() {
    assertEquals(
        new ExportPost("a@b.example", null, null, "json"),
        optional("{\"email\": \"a@b.example\", \"format\": \"json\"}", true));
    assertThrows(BodyNotJsonException.class, () -> optional("{}", false));
    assertThrows(BodyNotJsonException.class, () -> optional(" ", false));
    assertEquals(
        "mail is not an allowed field",
        assertThrows(DomainException.class, () -> optional("{\"mail\": \"x\"}", true))
            .getMessage());
  }
}
