package io.devices.core.device.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.devices.core.common.DomainException;
import io.devices.core.device.Attribute;
import io.devices.core.device.AttributeType;
import io.devices.core.device.DeviceClass;
import io.devices.core.device.Tag;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each update operation on one device's fields. */
class UpdateOperationTest {
  private static final String GATEWAY = "5a0000000000000000000abc";
  private static final Attribute TEMP = new Attribute("temp", AttributeType.number);
  private static final Attribute HUMIDITY = new Attribute("humidity", AttributeType.number);

  private static final DeviceFields DEVICE =
      new DeviceFields(
          "sensor",
          "on the roof",
          List.of(new Tag("floor", "8"), new Tag("site", "a"), new Tag("floor", "9")),
          List.of(TEMP, HUMIDITY),
          DeviceClass.standalone,
          Optional.empty());

  @Test
  void setsTheScalarFields() {
    assertEquals("other", new UpdateOperation.SetName("other").apply(DEVICE).name());
    assertEquals("", new UpdateOperation.SetDescription("").apply(DEVICE).description());
    assertEquals(
        DeviceClass.gateway,
        new UpdateOperation.SetDeviceClass(DeviceClass.gateway).apply(DEVICE).deviceClass());
    assertEquals(
        Optional.of(GATEWAY), new UpdateOperation.SetGatewayId(GATEWAY).apply(DEVICE).gatewayId());
  }

  @Test
  void setTagLeavesExactlyOneTagOfTheKeyWhereTheFirstWas() {
    assertEquals(
        List.of(new Tag("floor", "10"), new Tag("site", "a")),
        new UpdateOperation.SetTag(new Tag("floor", "10")).apply(DEVICE).tags());
    assertEquals(
        List.of(new Tag("floor", "8"), new Tag("site", "a"), new Tag("floor", "9"), tag("new")),
        new UpdateOperation.SetTag(tag("new")).apply(DEVICE).tags());
  }

  private static Tag tag(String key) {
    return new Tag(key, "v");
  }

  @Test
  void setTagOfTheSameSingleValueChangesNothing() {
    DeviceFields site = new UpdateOperation.SetTag(new Tag("site", "a")).apply(DEVICE);
    assertEquals(DEVICE, site);
  }

  @Test
  void removeTagRemovesEveryTagOfTheKey() {
    assertEquals(
        List.of(new Tag("site", "a")), new UpdateOperation.RemoveTag("floor").apply(DEVICE).tags());
    assertEquals(DEVICE, new UpdateOperation.RemoveTag("absent").apply(DEVICE));
  }

  @Test
  void removesAndAddsAttributes() {
    assertEquals(
        List.of(HUMIDITY), new UpdateOperation.RemoveAttribute("temp").apply(DEVICE).attributes());
    Attribute gps = new Attribute("where", AttributeType.gps);
    assertEquals(
        List.of(TEMP, HUMIDITY, gps),
        new UpdateOperation.AddAttribute(gps).apply(DEVICE).attributes());
  }

  @Test
  void addingAnAttributeTheDeviceHasFailsThatDevice() {
    DomainException refused =
        assertThrows(
            DomainException.class,
            () ->
                new UpdateOperation.AddAttribute(new Attribute("temp", AttributeType.string))
                    .apply(DEVICE));
    assertEquals("the device already has an attribute named temp", refused.getMessage());
  }

  @Test
  void renamesAnAttributeInPlaceKeepingItsType() {
    assertEquals(
        List.of(new Attribute("temperature", AttributeType.number), HUMIDITY),
        new UpdateOperation.RenameAttribute("temp", "temperature").apply(DEVICE).attributes());
    assertEquals(DEVICE, new UpdateOperation.RenameAttribute("absent", "x").apply(DEVICE));
    assertEquals(
        "the device already has an attribute named humidity",
        assertThrows(
                DomainException.class,
                () -> new UpdateOperation.RenameAttribute("temp", "humidity").apply(DEVICE))
            .getMessage());
  }

  @Test
  void operationsApplyInOrder() {
    DeviceFields fields = DEVICE;
    for (UpdateOperation operation :
        List.of(
            new UpdateOperation.RemoveAttribute("temp"),
            new UpdateOperation.AddAttribute(new Attribute("temp", AttributeType.string)))) {
      fields = operation.apply(fields);
    }
    assertEquals(
        List.of(HUMIDITY, new Attribute("temp", AttributeType.string)), fields.attributes());
  }
}
