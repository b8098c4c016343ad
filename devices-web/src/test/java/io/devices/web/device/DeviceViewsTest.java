package io.devices.web.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.devices.core.device.Attribute;
import io.devices.core.device.AttributeType;
import io.devices.core.device.Tag;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The object forms of tags and attributes. */
class DeviceViewsTest {
  @Test
  void aKeyHeldOnceMapsToItsValueAndARepeatedOneToItsValuesInOrder() {
    Map<String, Object> tags =
        DeviceViews.tagObject(
            List.of(
                new Tag("floor", "8"),
                new Tag("zone", "b"),
                new Tag("floor", "9"),
                new Tag("floor", "8"),
                new Tag("kind", "pump")));
    assertEquals(Map.of("floor", List.of("8", "9", "8"), "zone", "b", "kind", "pump"), tags);
    assertEquals(List.of("floor", "zone", "kind"), List.copyOf(tags.keySet()), "first seen first");
    assertEquals(Map.of(), DeviceViews.tagObject(List.of()));
  }

  @Test
  void eachAttributeNameMapsToItsDataType() {
    assertEquals(
        Map.of("temp", Map.of("dataType", "number"), "on", Map.of("dataType", "boolean")),
        DeviceViews.attributeObject(
            List.of(
                new Attribute("temp", AttributeType.number),
                new Attribute("on", AttributeType.bool))));
    assertEquals(Map.of(), DeviceViews.attributeObject(List.of()));
  }
}
