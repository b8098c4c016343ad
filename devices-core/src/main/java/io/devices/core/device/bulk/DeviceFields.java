package io.devices.core.device.bulk;

import io.devices.core.device.Attribute;
import io.devices.core.device.Device;
import io.devices.core.device.DeviceClass;
import io.devices.core.device.Tag;
import java.util.List;
import java.util.Optional;

/**
 * The fields of one device that a bulk patch may change, as its update operations see them: each
 * operation turns one value of this record into the next. The result is compared with the device's
 * own fields to tell a change from a device the patch leaves as it is.
 */
public record DeviceFields(
    String name,
    String description,
    List<Tag> tags,
    List<Attribute> attributes,
    DeviceClass deviceClass,
    Optional<String> gatewayId) {

  public DeviceFields {
    tags = List.copyOf(tags);
    attributes = List.copyOf(attributes);
  }

  public static DeviceFields of(Device device) {
    return new DeviceFields(
        device.name(),
        device.description(),
        device.tags(),
        device.attributes(),
        device.deviceClass(),
        device.gatewayId());
  }

  DeviceFields withName(String value) {
    return new DeviceFields(value, description, tags, attributes, deviceClass, gatewayId);
  }

  DeviceFields withDescription(String value) {
    return new DeviceFields(name, value, tags, attributes, deviceClass, gatewayId);
  }

  DeviceFields withTags(List<Tag> value) {
    return new DeviceFields(name, description, value, attributes, deviceClass, gatewayId);
  }

  DeviceFields withAttributes(List<Attribute> value) {
    return new DeviceFields(name, description, tags, value, deviceClass, gatewayId);
  }

  DeviceFields withDeviceClass(DeviceClass value) {
    return new DeviceFields(name, description, tags, attributes, value, gatewayId);
  }

  DeviceFields withGatewayId(String value) {
    return new DeviceFields(name, description, tags, attributes, deviceClass, Optional.of(value));
  }
}
