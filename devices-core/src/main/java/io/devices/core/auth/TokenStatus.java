package io.devices.core.auth;

import io.devices.core.common.DomainException;

/** Whether an API token may be used. */
public enum TokenStatus {
  active,
  inactive;

  public static TokenStatus parse(String field, String value) {
    for (TokenStatus status : values()) {
      if (status.name().equals(value)) {
        return status;
      }
    }
    throw DomainException.validation(field + " must be one of active, inactive");
  }
}
