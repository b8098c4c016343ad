package io.devices.core.device;

import io.devices.core.common.DomainException;

/** Ascending or descending order. */
public enum SortDirection {
  asc,
  desc;

  public static SortDirection parse(String value) {
    for (SortDirection direction : values()) {
      if (direction.name().equals(value)) {
        return direction;
      }
    }
    throw DomainException.validation("sortDirection must be one of asc, desc");
  }
}
