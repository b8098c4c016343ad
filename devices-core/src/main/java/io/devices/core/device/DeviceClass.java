package io.devices.core.device;

import io.devices.core.common.DomainException;

/** The kinds of device; a peripheral reports through a gateway. */
public enum DeviceClass {
  standalone,
  gateway,
  peripheral,
  floating,
  virtual;

  /** The classes' names, comma-separated, for messages. */
  public static String names() {
    return java.util.Arrays.stream(values())
        .map(Enum::name)
        .collect(java.util.stream.Collectors.joining(", "));
  }

  public static DeviceClass parse(String field, String value) {
    for (DeviceClass deviceClass : values()) {
      if (deviceClass.name().equals(value)) {
        return deviceClass;
      }
    }
    throw DomainException.validation(
        field + " must be one of standalone, gateway, peripheral, floating, virtual");
  }
}
