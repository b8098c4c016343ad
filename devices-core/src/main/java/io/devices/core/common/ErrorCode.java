package io.devices.core.common;

/**
 * The stable codes of domain errors. The web edge maps each one to an HTTP status and the {@code
 * type} of the error body, in one place.
 */
public enum ErrorCode {
  VALIDATION,
  UNAUTHORIZED,
  FORBIDDEN,
  NOT_FOUND,
  /** A conditional write whose condition (the version the client saw) no longer holds. */
  PRECONDITION_FAILED
}
