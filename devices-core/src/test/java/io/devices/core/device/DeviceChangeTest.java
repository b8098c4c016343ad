package io.devices.core.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.core.common.DomainException;
import io.devices.core.common.ErrorCode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Patch semantics: each field replaces, absent fields keep, and the rules hold on the result. */
class DeviceChangeTest {
  private static final String APP = "575ec8687ae143cd83dc4a97";
  private static final String GATEWAY = "575ec8687ae143cd83dc4a99";
  private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
  private static final List<Tag> TAGS = List.of(new Tag("floor", "8"), new Tag("floor", "9"));
  private static final List<Attribute> ATTRIBUTES =
      List.of(new Attribute("temp", AttributeType.number));

  private static Device device(DeviceClass deviceClass, String gatewayId) {
    return TestDevices.of(
        "575ec8687ae143cd83dc4a98",
        APP,
        new DeviceDraft("Sensor", "on the roof", TAGS, ATTRIBUTES, deviceClass, gatewayId),
        CREATED);
  }

  private static Device standalone() {
    return device(DeviceClass.standalone, null);
  }

  @Test
  void eachFieldReplacesAndTheOthersKeepTheirValues() {
    Device device = standalone();
    DeviceDraft named = DeviceChange.none().name("Renamed").applyTo(device);
    assertEquals(
        new DeviceDraft("Renamed", "on the roof", TAGS, ATTRIBUTES, DeviceClass.standalone, null),
        named);
    assertEquals("", DeviceChange.none().description("").applyTo(device).description());
    assertEquals(
        DeviceClass.virtual,
        DeviceChange.none().deviceClass(DeviceClass.virtual).applyTo(device).deviceClass());
    DeviceDraft attributes =
        DeviceChange.none()
            .attributes(List.of(new Attribute("gps", AttributeType.gps)))
            .applyTo(device);
    assertEquals(List.of(new Attribute("gps", AttributeType.gps)), attributes.attributes());
    assertEquals(TAGS, attributes.tags());
  }

  @Test
  void listsAreReplacedWhole() {
    DeviceDraft result =
        DeviceChange.none().tags(List.of(new Tag("zone", "north"))).applyTo(standalone());
    assertEquals(List.of(new Tag("zone", "north")), result.tags());
    assertEquals(List.of(), DeviceChange.none().tags(List.of()).applyTo(standalone()).tags());
    assertEquals(
        List.of(), DeviceChange.none().attributes(List.of()).applyTo(standalone()).attributes());
  }

  @Test
  void anEmptyChangeIsRefused() {
    assertTrue(DeviceChange.none().isEmpty());
    DomainException refused =
        assertThrows(DomainException.class, () -> DeviceChange.none().requireSome());
    assertEquals(ErrorCode.VALIDATION, refused.code());
    assertFalse(DeviceChange.none().gatewayId(null).isEmpty());
  }

  @Test
  void theFieldRulesOfDevicePostHoldOnTheResult() {
    assertMessage(
        "name must be between 1 and 255 characters", DeviceChange.none().name(""), standalone());
    assertMessage(
        "tags[0].key must match ^[0-9a-zA-Z_-]{1,255}$",
        DeviceChange.none().tags(List.of(new Tag("bad key", "1"))),
        standalone());
    assertMessage(
        "attributes[1].name must be unique within the device: temp",
        DeviceChange.none()
            .attributes(
                List.of(
                    new Attribute("temp", AttributeType.number),
                    new Attribute("temp", AttributeType.string))),
        standalone());
  }

  @Test
  void aPeripheralNeedsAGatewayAndOnlyAPeripheralHasOne() {
    assertMessage(
        "gatewayId is required when deviceClass is peripheral",
        DeviceChange.none().deviceClass(DeviceClass.peripheral),
        standalone());
    assertMessage(
        "gatewayId is only allowed when deviceClass is peripheral",
        DeviceChange.none().gatewayId(GATEWAY),
        standalone());
    assertMessage(
        "gatewayId is required when deviceClass is peripheral",
        DeviceChange.none().gatewayId(null),
        device(DeviceClass.peripheral, GATEWAY));
    DeviceDraft peripheral =
        DeviceChange.none()
            .deviceClass(DeviceClass.peripheral)
            .gatewayId(GATEWAY)
            .applyTo(standalone());
    assertEquals(GATEWAY, peripheral.gatewayId());
  }

  @Test
  void aPeripheralThatChangesClassLeavesItsGateway() {
    Device peripheral = device(DeviceClass.peripheral, GATEWAY);
    DeviceDraft result =
        DeviceChange.none().deviceClass(DeviceClass.standalone).applyTo(peripheral);
    assertNull(result.gatewayId());
    assertEquals(GATEWAY, DeviceChange.none().name("x").applyTo(peripheral).gatewayId());
  }

  @Test
  void aChangeToTheSameValuesAltersNothing() {
    Device device = standalone();
    assertFalse(DeviceChange.alters(device, DeviceChange.none().name("Sensor").applyTo(device)));
    assertFalse(DeviceChange.alters(device, DeviceChange.none().tags(TAGS).applyTo(device)));
    assertTrue(
        DeviceChange.alters(
            device, DeviceChange.none().tags(List.of(TAGS.get(1), TAGS.get(0))).applyTo(device)));
    assertTrue(DeviceChange.alters(device, DeviceChange.none().description("").applyTo(device)));
  }

  @Test
  void anUpdateMovesLastUpdatedAndTheVersionAndADeleteTheVersion() {
    Device device = standalone();
    long version = device.version();
    device.update(DeviceChange.none().name("Renamed").applyTo(device), CREATED);
    assertEquals("Renamed", device.name());
    assertTrue(device.lastUpdated().isAfter(CREATED), "lastUpdated moves even within one ms");
    assertNotEquals(version, device.version());
    long updated = device.version();
    device.markDeleted(CREATED.plusSeconds(5));
    assertTrue(device.isDeleted());
    assertEquals(CREATED.plusSeconds(5), device.deletedAt().orElseThrow());
    assertNotEquals(updated, device.version());
  }

  private static void assertMessage(String message, DeviceChange change, Device device) {
    DomainException refused = assertThrows(DomainException.class, () -> change.applyTo(device));
    assertEquals(ErrorCode.VALIDATION, refused.code());
    assertEquals(message, refused.getMessage());
  }
}
