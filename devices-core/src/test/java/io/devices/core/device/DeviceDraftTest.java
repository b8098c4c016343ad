package io.devices.core.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.devices.core.common.DomainException;
import io.devices.core.common.ErrorCode;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule of Device Post that needs no database. */
class DeviceDraftTest {
  private static final String GATEWAY = "575ec8687ae143cd83dc4a97";
  private static final String LONG = "x".repeat(256);

  static DeviceDraft draft(
      String name,
      List<Tag> tags,
      List<Attribute> attributes,
      DeviceClass deviceClass,
      String gatewayId) {
    return new DeviceDraft(name, null, tags, attributes, deviceClass, gatewayId);
  }

  static Stream<Arguments> violations() {
    return Stream.of(
        Arguments.of("name is required", (Runnable) () -> draft(null, null, null, null, null)),
        Arguments.of(
            "name must be between 1 and 255 characters",
            (Runnable) () -> draft("", null, null, null, null)),
        Arguments.of(
            "name must be between 1 and 255 characters",
            (Runnable) () -> draft(LONG, null, null, null, null)),
        Arguments.of(
            "description must be at most 32767 characters",
            (Runnable) () -> new DeviceDraft("d", "x".repeat(32768), null, null, null, null)),
        Arguments.of(
            "tags[1].key must match ^[0-9a-zA-Z_-]{1,255}$",
            (Runnable)
                () ->
                    draft(
                        "d",
                        List.of(new Tag("ok", "v"), new Tag("bad key", "v")),
                        null,
                        null,
                        null)),
        Arguments.of(
            "tags[0].key is required",
            (Runnable) () -> draft("d", List.of(new Tag(null, "v")), null, null, null)),
        Arguments.of(
            "tags[0].key must match ^[0-9a-zA-Z_-]{1,255}$",
            (Runnable) () -> draft("d", List.of(new Tag(LONG, "v")), null, null, null)),
        Arguments.of(
            "tags[0].value is required",
            (Runnable) () -> draft("d", List.of(new Tag("k", null)), null, null, null)),
        Arguments.of(
            "tags[0].value must be between 1 and 255 characters",
            (Runnable) () -> draft("d", List.of(new Tag("k", "")), null, null, null)),
        Arguments.of(
            "tags[0].value must be between 1 and 255 characters",
            (Runnable) () -> draft("d", List.of(new Tag("k", LONG)), null, null, null)),
        Arguments.of(
            "tags must have at most 100 entries",
            (Runnable) () -> draft("d", tags(101), null, null, null)),
        Arguments.of(
            "attributes must have at most 256 entries",
            (Runnable) () -> draft("d", null, attributes(257), null, null)),
        Arguments.of(
            "attributes[0].name must match ^[0-9a-zA-Z_-]{1,255}$",
            (Runnable)
                () ->
                    draft(
                        "d",
                        null,
                        List.of(new Attribute("a.b", AttributeType.number)),
                        null,
                        null)),
        Arguments.of(
            "attributes[0].dataType is required",
            (Runnable) () -> draft("d", null, List.of(new Attribute("a", null)), null, null)),
        Arguments.of(
            "attributes[1].name must be unique within the device: t",
            (Runnable)
                () ->
                    draft(
                        "d",
                        null,
                        List.of(
                            new Attribute("t", AttributeType.number),
                            new Attribute("t", AttributeType.string)),
                        null,
                        null)),
        Arguments.of(
            "gatewayId is required when deviceClass is peripheral",
            (Runnable) () -> draft("d", null, null, DeviceClass.peripheral, null)),
        Arguments.of(
            "gatewayId is only allowed when deviceClass is peripheral",
            (Runnable) () -> draft("d", null, null, DeviceClass.standalone, GATEWAY)),
        Arguments.of(
            "gatewayId must be a 24 character hex id",
            (Runnable) () -> draft("d", null, null, DeviceClass.peripheral, "nope")),
        Arguments.of(
            "deviceClass must be one of standalone, gateway, peripheral, floating, virtual,"
                + " edgeCompute, system, embedded",
            (Runnable) () -> DeviceClass.parse("deviceClass", "robot")),
        Arguments.of(
            "dataType must be one of string, number, gps, boolean",
            (Runnable) () -> AttributeType.parse("dataType", "bool")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void eachRuleIsAValidationErrorNamingTheField(String message, Runnable build) {
    DomainException e = assertThrows(DomainException.class, build::run);
    assertEquals(ErrorCode.VALIDATION, e.code());
    assertEquals(message, e.getMessage());
  }

  private static List<Tag> tags(int count) {
    return IntStream.range(0, count).mapToObj(i -> new Tag("k" + i, "v")).toList();
  }

  private static List<Attribute> attributes(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> new Attribute("a" + i, AttributeType.number))
        .toList();
  }

  @Test
  void thePlatformsLimitsAreAllowed() {
    DeviceDraft draft = draft("d", tags(100), attributes(256), null, null);
    assertEquals(100, draft.tags().size());
    assertEquals(256, draft.attributes().size());
  }

  @Test
  void defaultsAreStandaloneAndAnEmptyDescription() {
    DeviceDraft draft = draft("d", null, null, null, null);
    assertEquals(DeviceClass.standalone, draft.deviceClass());
    assertEquals("", draft.description());
    assertEquals(List.of(), draft.tags());
    assertNull(draft.gatewayId());
  }

  @Test
  void lengthsCountCharactersNotUtf16Units() {
    String emoji = "\uD83D\uDE80".repeat(255);
    assertEquals(emoji, draft(emoji, null, null, null, null).name());
  }

  @Test
  void tagsKeepTheirOrderAndMayRepeatAKey() {
    List<Tag> tags = List.of(new Tag("k", "2"), new Tag("k", "1"), new Tag("a", "0"));
    assertEquals(tags, draft("d", tags, null, null, null).tags());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"edgeCompute", "system", "embedded"})
  void theCurrentPlatformsClassesAreParsedAndNeedNoGateway(String name) {
    DeviceClass deviceClass = DeviceClass.parse("deviceClass", name);
    assertEquals(name, deviceClass.name());
    assertEquals(deviceClass, draft("d", null, null, deviceClass, null).deviceClass());
    DomainException withGateway =
        assertThrows(DomainException.class, () -> draft("d", null, null, deviceClass, GATEWAY));
    assertEquals(
        "gatewayId is only allowed when deviceClass is peripheral", withGateway.getMessage());
  }

  @Test
  void aPeripheralNamesItsGatewayInLowerCase() {
    assertEquals(
        GATEWAY, draft("d", null, null, DeviceClass.peripheral, GATEWAY.toUpperCase()).gatewayId());
  }
}
