package io.devices.core.export;

/** Why an export or one of its deliveries failed, in the {@code {type, message}} form. */
public record ExportError(String type, String message) {
  /** The message of a throwable, never null, bounded for storage. */
  static ExportError of(String type, Throwable cause) {
    String message =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new ExportError(type, message.length() > 2000 ? message.substring(0, 2000) : message);
  }
}
