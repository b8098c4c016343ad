package io.devices.core.common;

/**
 * The stable codes of domain errors. The web edge maps each one to an HTTP status and the {@code
 * type} of the error body, in one place.
 */
public enum ErrorCode {
  VALIDATION,
  UNAUTHORIZED,
  FORBIDDEN,
  NOT_FOUND
}
