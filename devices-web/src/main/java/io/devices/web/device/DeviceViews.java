package io.devices.web.device;

import io.devices.api.ConnectionInfo;
import io.devices.api.DeviceAttribute;
import io.devices.api.DeviceTag;
import io.devices.api.Devices;
import io.devices.core.common.Page;
import io.devices.core.device.Device;
import io.devices.core.device.DeviceListRequest;
import io.devices.web.Wire;
import jakarta.json.JsonValue;

/** Devices on the wire: one device, and one page of a device list. */
final class DeviceViews {
  private DeviceViews() {}

  static io.devices.api.Device of(Device device) {
    return new io.devices.api.Device(
        device.id(),
        device.id(),
        device.applicationId(),
        Wire.date(device.creationDate()),
        Wire.date(device.lastUpdated()),
        device.name(),
        device.description(),
        device.tags().stream().map(t -> new DeviceTag(t.key(), t.value())).toList(),
        device.attributes().stream()
            .map(a -> new DeviceAttribute(a.name(), a.dataType().wireName()))
            .toList(),
        device.deviceClass().name(),
        device.gatewayId().orElse(null),
        new ConnectionInfo(
            device.connected().orElse(null), device.connectionTime().map(Wire::date).orElse(null)));
  }

  /**
   * The page answering the request; {@code filter} and {@code filterField} only when a name glob
   * was used, {@code query} only when an advanced query was.
   */
  static Devices page(DeviceListRequest query, String filter, JsonValue given, Page<Device> page) {
    boolean named = filter != null;
    return new Devices(
        page.items().stream().map(DeviceViews::of).toList(),
        page.items().size(),
        page.totalCount(),
        page.perPage(),
        page.page(),
        filter,
        named ? "name" : null,
        query.sortField().name(),
        query.sortDirection().name(),
        query.applicationId(),
        given);
  }
}
