package io.devices.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.devices.api.ApiTokenPatch;
import io.devices.api.ApiTokenPost;
import io.devices.api.ApplicationPost;
import io.devices.api.DeviceAttribute;
import io.devices.api.DevicePost;
import io.devices.api.DeviceTag;
import io.devices.api.MultiDeviceCommand;
import io.devices.core.auth.TokenStatus;
import io.devices.core.common.ObjectIds;
import io.devices.core.common.Texts;
import io.devices.core.device.AttributeType;
import io.devices.core.device.DeviceClass;
import io.devices.core.device.DeviceDraft;
import io.devices.web.command.CommandDrafts;
import java.util.Arrays;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules that the request records document in /openapi (their {@code @Schema}s) are the rules
 * the core enforces: the same lengths, patterns, values and list sizes, taken from where they are
 * enforced.
 */
class RequestSchemasTest {
  /** What {@code @Schema} says when a list size is not given. */
  private static final int NONE = Integer.MIN_VALUE;

  static Stream<Arguments> names() {
    return Stream.of(
        Arguments.of(DevicePost.class, "name"),
        Arguments.of(ApplicationPost.class, "name"),
        Arguments.of(ApiTokenPost.class, "name"),
        Arguments.of(ApiTokenPatch.class, "name"),
        Arguments.of(MultiDeviceCommand.class, "name"),
        Arguments.of(DeviceTag.class, "value"));
  }

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("names")
  void namesHaveOneToMaxNameCharacters(Class<? extends Record> type, String component) {
    Schema schema = schema(type, component);
    assertEquals(1, schema.minLength());
    assertEquals(Texts.MAX_NAME, schema.maxLength());
  }

  static Stream<Arguments> descriptions() {
    return Stream.of(
        Arguments.of(DevicePost.class),
        Arguments.of(ApplicationPost.class),
        Arguments.of(ApiTokenPost.class),
        Arguments.of(ApiTokenPatch.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("descriptions")
  void descriptionsHaveAtMostMaxDescriptionCharacters(Class<? extends Record> type) {
    assertEquals(Texts.MAX_DESCRIPTION, schema(type, "description").maxLength());
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of(DeviceTag.class, "key", Texts.IDENTIFIER.pattern(), NONE, null),
        Arguments.of(DeviceAttribute.class, "name", Texts.IDENTIFIER.pattern(), NONE, null),
        Arguments.of(DevicePost.class, "gatewayId", ObjectIds.WELL_FORMED.pattern(), NONE, null),
        Arguments.of(ApplicationPost.class, "orgId", ObjectIds.WELL_FORMED.pattern(), NONE, null),
        Arguments.of(DevicePost.class, "tags", "", DeviceDraft.MAX_TAGS, null),
        Arguments.of(DevicePost.class, "attributes", "", DeviceDraft.MAX_ATTRIBUTES, null),
        Arguments.of(MultiDeviceCommand.class, "deviceIds", "", CommandDrafts.MAX_DEVICE_IDS, null),
        Arguments.of(
            MultiDeviceCommand.class, "deviceTags", "", CommandDrafts.MAX_DEVICE_TAGS, null),
        Arguments.of(
            DevicePost.class,
            "deviceClass",
            "",
            NONE,
            Arrays.stream(DeviceClass.values()).map(Enum::name).toArray(String[]::new)),
        Arguments.of(
            DeviceAttribute.class,
            "dataType",
            "",
            NONE,
            Arrays.stream(AttributeType.values())
                .map(AttributeType::wireName)
                .toArray(String[]::new)),
        Arguments.of(
            ApiTokenPatch.class,
            "status",
            "",
            NONE,
            Arrays.stream(TokenStatus.values()).map(Enum::name).toArray(String[]::new)));
  }

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("rules")
  void patternsSizesAndValuesAreTheCoresOwn(
      Class<? extends Record> type,
      String component,
      String pattern,
      int maxItems,
      String[] enumeration) {
    Schema schema = schema(type, component);
    assertEquals(pattern, schema.pattern());
    assertEquals(maxItems, schema.maxItems());
    assertArrayEquals(enumeration == null ? new String[0] : enumeration, schema.enumeration());
  }

  private static Schema schema(Class<? extends Record> type, String component) {
    return Arrays.stream(type.getRecordComponents())
        .filter(c -> c.getName().equals(component))
        .findFirst()
        .orElseThrow()
        .getAccessor()
        .getAnnotation(Schema.class);
  }
}
