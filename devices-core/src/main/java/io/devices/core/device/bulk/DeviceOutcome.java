package io.devices.core.device.bulk;

/** The outcome of a bulk change for one device; {@code reason} is set when it failed. */
public record DeviceOutcome(String deviceId, TargetOutcome outcome, String reason) {
  static DeviceOutcome changed(String deviceId) {
    return new DeviceOutcome(deviceId, TargetOutcome.changed, null);
  }

  static DeviceOutcome skipped(String deviceId) {
    return new DeviceOutcome(deviceId, TargetOutcome.skipped, null);
  }

  static DeviceOutcome failed(String deviceId, String reason) {
    return new DeviceOutcome(deviceId, TargetOutcome.failed, reason);
  }
}
