package io.devices.web.device;

import io.devices.api.ConnectionInfo;
import io.devices.api.DeviceAttribute;
import io.devices.api.DeviceTag;
import io.devices.api.Devices;
import io.devices.core.common.Page;
import io.devices.core.device.Device;
import io.devices.core.device.DeviceListRequest;
import io.devices.web.Wire;

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

  /** The page answering the query; {@code filter} and {@code filterField} only when named. */
  static Devices page(DeviceListRequest query, Page<Device> page) {
    boolean named = query.nameGlob().isPresent();
    return new Devices(
        page.items().stream().map(DeviceViews::of).toList(),
        page.items().size(),
        page.totalCount(),
        page.perPage(),
        page.page(),
        named ? query.nameGlob().get().glob() : null,
        named ? "name" : null,
        query.sortField().name(),
        query.sortDirection().name(),
        query.applicationId());
  }
}
