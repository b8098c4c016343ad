package io.devices.core.device;

/**
 * What a change did to one device.
 *
 * @param device the device after the change
 * @param altered false when the change left every field as it was: nothing was written (a bulk
 *     change counts the device as skipped)
 */
public record DeviceUpdated(Device device, boolean altered) {}
