package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Small hostile requests get a 400 Validation at once, naming the field, and store nothing: deep
 * nesting, long number literals, duplicate keys, unpaired surrogates and NUL (in bodies and in the
 * query), too many tags or attributes, and date-times outside the years 0001-9999. One dynamic test
 * per request, grouped by family.
 */
@ExtendWith(ArquillianExtension.class)
class HostileInputIT {

  private static final String DEVICE_ID = "5a0000000000000000000001";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private final Api owner = Api.owner();
  private final Fixtures fixtures = new Fixtures(owner);

  @TestFactory
  Stream<DynamicTest> nestingDeeperThanSixtyFourLevels() {
    String app = fixtures.application();
    return Stream.of(
        refused(
            "Device Post attributes nested 1,001 deep",
            app,
            devices(app),
            "{\"name\":\"d\",\"attributes\":" + nested(1001) + "}",
            "attributes is nested deeper than 64 levels"),
        refused(
            "Device Post tags nested 65 deep",
            app,
            devices(app),
            "{\"name\":\"d\",\"tags\":" + nested(64) + "}",
            "tags is nested deeper than 64 levels"),
        refused(
            "Application Post description nested 1,001 deep",
            app,
            "/applications",
            "{\"name\":\"a\",\"description\":" + nested(1001) + "}",
            "description is nested deeper than 64 levels"),
        refused(
            "API Token Post scope nested 1,001 deep",
            app,
            tokens(app),
            "{\"name\":\"t\",\"scope\":" + nested(1001) + "}",
            "scope is nested deeper than 64 levels"),
        refused(
            "Send Command payload nested 999 deep",
            app,
            commands(app),
            command(",\"payload\":" + nested(999)),
            "payload is nested deeper than 64 levels"),
        refused(
            "Send Command payload nested 1,001 deep",
            app,
            commands(app),
            command(",\"payload\":" + nested(1001)),
            "payload is nested deeper than 64 levels"),
        refused(
            "a whole body nested 100,000 deep",
            app,
            devices(app),
            "[".repeat(100_000),
            "The request body is nested deeper than 64 levels"));
  }

  @TestFactory
  Stream<DynamicTest> numberLiteralsLongerThanOneHundredCharacters() {
    String app = fixtures.application();
    return Stream.of(
        refused(
            "Send Command payload of 100,000 digits",
            app,
            commands(app),
            command(",\"payload\":" + "9".repeat(100_000)),
            "payload has a number literal longer than 100 characters"),
        refused(
            "Send Command time of 101 digits",
            app,
            commands(app),
            command(",\"time\":" + "1".repeat(101)),
            "time has a number literal longer than 100 characters"),
        refused(
            "Device Post name as a 101-character number",
            app,
            devices(app),
            "{\"name\":0." + "1".repeat(99) + "}",
            "name has a number literal longer than 100 characters"));
  }

  @TestFactory
  Stream<DynamicTest> duplicateKeys() {
    String app = fixtures.application();
    return Stream.of(
        refused(
            "Device Post name twice",
            app,
            devices(app),
            "{\"name\":\"a\",\"name\":\"b\"}",
            "name is given more than once"),
        refused(
            "Device Post tag key twice",
            app,
            devices(app),
            "{\"name\":\"a\",\"tags\":[{\"key\":\"a\",\"key\":\"b\",\"value\":\"v\"}]}",
            "tags[0].key is given more than once"),
        refused(
            "Application Post name twice",
            app,
            "/applications",
            "{\"name\":\"a\",\"name\":\"b\"}",
            "name is given more than once"),
        refused(
            "Send Command payload key twice",
            app,
            commands(app),
            command(",\"payload\":{\"a\":1,\"a\":2}"),
            "payload.a is given more than once"));
  }

  @TestFactory
  Stream<DynamicTest> unpairedSurrogates() {
    String app = fixtures.application();
    return Stream.of(
        refused(
            "Device Post name a\\ud800b",
            app,
            devices(app),
            "{\"name\":\"a\\ud800b\"}",
            "name must not contain an unpaired surrogate"),
        refused(
            "Device Post tag value \\udc00",
            app,
            devices(app),
            "{\"name\":\"d\",\"tags\":[{\"key\":\"k\",\"value\":\"\\udc00\"}]}",
            "tags[0].value must not contain an unpaired surrogate"),
        refused(
            "API Token Post name a\\ud800b",
            app,
            tokens(app),
            "{\"name\":\"a\\ud800b\"}",
            "name must not contain an unpaired surrogate"),
        refused(
            "Send Command payload string \\ud800",
            app,
            commands(app),
            command(",\"payload\":[\"\\ud800\"]"),
            "payload[0] must not contain an unpaired surrogate"),
        refused(
            "a surrogate's UTF-8 bytes in the filter",
            app,
            "GET",
            devices(app) + "?filter=a%ED%A0%80b",
            null,
            "The query string must be percent-encoded UTF-8 (RFC 3986)"));
  }

  @TestFactory
  Stream<DynamicTest> nulCharacters() {
    String app = fixtures.application();
    return Stream.of(
        refused(
            "Device Post name a\\u0000b",
            app,
            devices(app),
            "{\"name\":\"a\\u0000b\"}",
            "name must not contain NUL (\\u0000)"),
        refused(
            "Application Post description \\u0000",
            app,
            "/applications",
            "{\"name\":\"a\",\"description\":\"\\u0000\"}",
            "description must not contain NUL (\\u0000)"),
        refused(
            "Send Command name a\\u0000b",
            app,
            commands(app),
            "{\"name\":\"a\\u0000b\",\"deviceIds\":[\"" + DEVICE_ID + "\"]}",
            "name must not contain NUL (\\u0000)"),
        refused(
            "a NUL in a key",
            app,
            devices(app),
            "{\"name\":\"a\",\"n\\u0000\":1}",
            "The request body has a key that must not contain NUL (\\u0000)"),
        refused(
            "filter=a%00b",
            app, "GET", devices(app) + "?filter=a%00b", null, "filter must not contain NUL (%00)"),
        refused(
            "tagFilter[0][value]=%00",
            app,
            "GET",
            devices(app) + "?tagFilter%5B0%5D%5Bvalue%5D=%00",
            null,
            "tagFilter[0][value] must not contain NUL (%00)"),
        refused(
            "export email=%00",
            app,
            "POST",
            devices(app) + "/export?email=%00",
            null,
            "email must not contain NUL (%00)"));
  }

  @TestFactory
  Stream<DynamicTest> tooManyTagsOrAttributes() {
    String app = fixtures.application();
    return Stream.of(
        refused(
            "101 tags",
            app,
            devices(app),
            "{\"name\":\"d\",\"tags\":" + tags(101) + "}",
            "tags must have at most 100 entries"),
        refused(
            "10,000 tags",
            app,
            devices(app),
            "{\"name\":\"d\",\"tags\":" + tags(10_000) + "}",
            "tags must have at most 100 entries"),
        refused(
            "257 attributes",
            app,
            devices(app),
            "{\"name\":\"d\",\"attributes\":" + attributes(257) + "}",
            "attributes must have at most 256 entries"),
        dynamicTest(
            "100 tags and 256 attributes are accepted",
            () ->
                fixtures.device(
                    app,
                    "{\"name\":\"limits\",\"tags\":"
                        + tags(100)
                        + ",\"attributes\":"
                        + attributes(256)
                        + "}")));
  }

  @TestFactory
  Stream<DynamicTest> dateTimesOutsideTheYearsOneToNineThousandNineHundredNinetyNine() {
    String app = fixtures.application();
    String rule = " must be a date-time in the years 0001 to 9999";
    return Stream.of(
        refused(
            "command time +999999999-12-31T23:59:59Z",
            app,
            commands(app),
            command(",\"time\":\"+999999999-12-31T23:59:59Z\""),
            "time" + rule),
        refused(
            "command time 253402300800000 (year 10000)",
            app,
            commands(app),
            command(",\"time\":253402300800000"),
            "time" + rule),
        refused(
            "command time -62135596800001 (year 0)",
            app,
            commands(app),
            command(",\"time\":-62135596800001"),
            "time" + rule),
        refused(
            "command time {$date: +10000-01-01T00:00:00Z}",
            app,
            commands(app),
            command(",\"time\":{\"$date\":\"+10000-01-01T00:00:00Z\"}"),
            "time.$date" + rule),
        refused(
            "token expirationDate +10000-01-01T00:00:00Z",
            app,
            tokens(app),
            "{\"name\":\"t\",\"expirationDate\":\"+10000-01-01T00:00:00Z\"}",
            "expirationDate" + rule));
  }

  // ---------------------------------------------------------------------------------------------

  private DynamicTest refused(String name, String app, String path, String body, String message) {
    return refused(name, app, "POST", path, body, message);
  }

  /**
   * The request is a 400 Validation with the message and stores nothing. How long it took is only
   * reported (tests assert no timings; the reader's cost is bounded by JsonBodiesTest's bytes
   * read).
   */
  private DynamicTest refused(
      String name, String app, String method, String path, String body, String message) {
    return dynamicTest(
        name,
        () -> {
          Stored before = stored(app);
          long started = System.nanoTime();
          ApiResponse response =
              owner.raw(
                  method,
                  path,
                  body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                  "Content-Type",
                  "application/json");
          Duration took = Duration.ofNanos(System.nanoTime() - started);
          assertEquals(400, response.status(), () -> "after " + took + ": " + response.body());
          response.expectError(400, "Validation");
          assertEquals(message, response.message());
          assertEquals(before, stored(app), "nothing is stored");
        });
  }

  /** What a request could have stored: the application's devices and tokens, and beyond. */
  private record Stored(long devices, long tokens, long applications, double commandsQueued) {}

  private Stored stored(String app) {
    return new Stored(
        owner.get(devices(app)).expect(200).object().getJsonNumber("totalCount").longValue(),
        owner.get(tokens(app)).expect(200).object().getJsonNumber("totalCount").longValue(),
        owner.get("/applications").expect(200).object().getJsonNumber("totalCount").longValue(),
        Metrics.scrape(owner).sum("devices_commands_queued_total"));
  }

  private static String devices(String app) {
    return "/applications/" + app + "/devices";
  }

  private static String tokens(String app) {
    return "/applications/" + app + "/tokens";
  }

  private static String commands(String app) {
    return devices(app) + "/command";
  }

  /** A Send Command body to one device, with more fields. */
  private static String command(String more) {
    return "{\"name\":\"c\",\"deviceIds\":[\"" + DEVICE_ID + "\"]" + more + "}";
  }

  /** Arrays nested {@code depth} deep, inside whatever holds them. */
  private static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  private static String tags(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> "{\"key\":\"k" + i + "\",\"value\":\"v\"}")
        .collect(Collectors.joining(",", "[", "]"));
  }

  private static String attributes(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> "{\"name\":\"a" + i + "\",\"dataType\":\"number\"}")
        .collect(Collectors.joining(",", "[", "]"));
  }
}
