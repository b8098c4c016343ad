package io.devices.core.device;

import io.devices.core.common.DomainException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The kinds of device: the five of the original platform and the three its current version added.
 * Only a peripheral reports through a gateway.
 */
public enum DeviceClass {
  standalone,
  gateway,
  peripheral,
  floating,
  virtual,
  edgeCompute,
  system,
  embedded;

  private static final String NAMES =
      Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));

  /** The classes' names, comma-separated, for messages. */
  public static String names() {
    return NAMES;
  }

  public static DeviceClass parse(String field, String value) {
    for (DeviceClass deviceClass : values()) {
      if (deviceClass.name().equals(value)) {
        return deviceClass;
      }
    }
    throw DomainException.validation(field + " must be one of " + NAMES);
  }
}
