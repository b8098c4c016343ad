package io.devices.core.device;

/** A key/value label on a device. The same key may appear more than once on one device. */
public record Tag(String key, String value) {}
