package io.devices.core.device.query;

import io.devices.core.device.Device;

/** The device has a tag whose key and value both match. */
public record TagCondition(TextMatch key, TextMatch value) implements DeviceQuery {
  @Override
  public boolean matches(Device device) {
    return device.tags().stream().anyMatch(t -> key.matches(t.key()) && value.matches(t.value()));
  }
}
