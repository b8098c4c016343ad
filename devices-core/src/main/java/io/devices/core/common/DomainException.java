package io.devices.core.common;

/**
 * The one exception the domain throws: a stable {@link ErrorCode} and a message fit to show a
 * client. It never carries an HTTP status; the web edge decides that.
 */
public class DomainException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public DomainException(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }

  public static DomainException validation(String message) {
    return new DomainException(ErrorCode.VALIDATION, message);
  }

  public static DomainException unauthorized(String message) {
    return new DomainException(ErrorCode.UNAUTHORIZED, message);
  }

  public static DomainException forbidden(String message) {
    return new DomainException(ErrorCode.FORBIDDEN, message);
  }

  public static DomainException notFound(String what) {
    return new DomainException(ErrorCode.NOT_FOUND, what + " was not found");
  }
}
