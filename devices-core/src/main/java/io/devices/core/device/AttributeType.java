package io.devices.core.device;

import io.devices.core.common.DomainException;

/** The data type of a device attribute. */
public enum AttributeType {
  string,
  number,
  gps,
  bool("boolean");

  private final String wireName;

  AttributeType() {
    this.wireName = name();
  }

  AttributeType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static AttributeType parse(String field, String value) {
    for (AttributeType type : values()) {
      if (type.wireName.equals(value)) {
        return type;
      }
    }
    throw DomainException.validation(field + " must be one of string, number, gps, boolean");
  }
}
