package io.devices.core.device.metadata;

import io.devices.core.device.DeviceClass;

/** A device as Device Names lists it. */
public record NamedDevice(String id, String name, DeviceClass deviceClass) {}
