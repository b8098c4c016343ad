package io.devices.core.device;

/** A named, typed value a device reports. */
public record Attribute(String name, AttributeType dataType) {}
