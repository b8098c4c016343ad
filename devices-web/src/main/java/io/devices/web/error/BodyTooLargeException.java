package io.devices.web.error;

/**
 * A request body over the configured limit; {@link ErrorMapper} answers it with 413 and this
 * message, which names the limit.
 */
public class BodyTooLargeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BodyTooLargeException(long maxBytes) {
    super("The request body is larger than the limit of " + describe(maxBytes), null, false, false);
  }

  private static String describe(long bytes) {
    long mebibyte = 1024 * 1024;
    if (bytes % mebibyte == 0) {
      return bytes / mebibyte + " MiB";
    }
    return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
  }
}
