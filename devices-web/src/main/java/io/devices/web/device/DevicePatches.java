package io.devices.web.device;

import io.devices.api.DevicePatch;
import io.devices.core.device.DeviceChange;
import io.devices.core.device.DeviceClass;

/**
 * A Device Patch body as the core's {@link DeviceChange}: each given field, converted as Device
 * Post's are ({@link DeviceDrafts}); the rules are the core's, checked on the result.
 */
public final class DevicePatches {
  private DevicePatches() {}

  public static DeviceChange of(DevicePatch patch) {
    DeviceChange change = DeviceChange.none();
    if (patch == null) {
      return change;
    }
    if (patch.name() != null) {
      change = change.name(patch.name());
    }
    if (patch.description() != null) {
      change = change.description(patch.description());
    }
    if (patch.tags() != null) {
      change = change.tags(DeviceDrafts.tags(patch.tags()));
    }
    if (patch.attributes() != null) {
      change = change.attributes(DeviceDrafts.attributes(patch.attributes()));
    }
    if (patch.deviceClass() != null) {
      change = change.deviceClass(DeviceClass.parse("deviceClass", patch.deviceClass()));
    }
    if (patch.gatewayId() != null) {
      change = change.gatewayId(patch.gatewayId());
    }
    return change;
  }
}
