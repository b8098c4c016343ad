package io.devices.web.device;

import io.devices.api.ConnectionInfo;
import io.devices.api.DeviceAttribute;
import io.devices.api.DeviceTag;
import io.devices.api.ObjectFormDevice;
import io.devices.core.device.Attribute;
import io.devices.core.device.Device;
import io.devices.core.device.Tag;
import io.devices.web.Wire;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Devices on the wire: one device, and one page of a device list in the {@link DeviceView} asked
 * for. Every form is made from the device as loaded, so none costs a query.
 */
final class DeviceViews {
  private DeviceViews() {}

  static io.devices.api.Device of(Device device) {
    return of(device, DeviceView.DEFAULT);
  }

  private static io.devices.api.Device of(Device device, DeviceView view) {
    return new io.devices.api.Device(
        device.id(),
        device.id(),
        device.applicationId(),
        Wire.date(device.creationDate()),
        Wire.date(device.lastUpdated()),
        device.name(),
        device.description(),
        tagList(device.tags()),
        attributeList(device.attributes()),
        device.deviceClass().name(),
        device.gatewayId().orElse(null),
        connectionInfo(device, view),
        deletedAt(device));
  }

  private static ObjectFormDevice inObjectForm(Device device, DeviceView view) {
    return new ObjectFormDevice(
        device.id(),
        device.id(),
        device.applicationId(),
        Wire.date(device.creationDate()),
        Wire.date(device.lastUpdated()),
        device.name(),
        device.description(),
        view.tagsAsObject() ? tagObject(device.tags()) : tagList(device.tags()),
        view.attributesAsObject()
            ? attributeObject(device.attributes())
            : attributeList(device.attributes()),
        device.deviceClass().name(),
        device.gatewayId().orElse(null),
        connectionInfo(device, view),
        deletedAt(device));
  }

  /**
   * One device in the view asked for: {@link io.devices.api.Device} or {@link ObjectFormDevice}.
   */
  static Record one(Device device, DeviceView view) {
    return view.inObjectForm() ? inObjectForm(device, view) : of(device, view);
  }

  private static String deletedAt(Device device) {
    return device.deletedAt().map(Wire::date).orElse(null);
  }

  private static List<DeviceTag> tagList(List<Tag> tags) {
    return tags.stream().map(t -> new DeviceTag(t.key(), t.value())).toList();
  }

  /** {@code {key: value}}; a key held several times maps to the list of its values, in order. */
  static Map<String, Object> tagObject(List<Tag> tags) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (Tag tag : tags) {
      values.computeIfAbsent(tag.key(), key -> new ArrayList<>(1)).add(tag.value());
    }
    Map<String, Object> object = new LinkedHashMap<>();
    values.forEach((key, held) -> object.put(key, held.size() == 1 ? held.get(0) : held));
    return object;
  }

  private static List<DeviceAttribute> attributeList(List<Attribute> attributes) {
    return attributes.stream()
        .map(a -> new DeviceAttribute(a.name(), a.dataType().wireName()))
        .toList();
  }

  /** {@code {name: {"dataType": ...}}}; names are unique within a device. */
  static Map<String, Object> attributeObject(List<Attribute> attributes) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (Attribute attribute : attributes) {
      object.put(attribute.name(), Map.of("dataType", attribute.dataType().wireName()));
    }
    return object;
  }

  private static ConnectionInfo connectionInfo(Device device, DeviceView view) {
    if (view.excludeConnectionInfo()) {
      return null;
    }
    return new ConnectionInfo(
        device.connected().orElse(null), device.connectionTime().map(Wire::date).orElse(null));
  }
}
