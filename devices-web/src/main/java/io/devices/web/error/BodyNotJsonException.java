package io.devices.web.error;

/**
 * A request body sent with a type other than {@code application/json} to a resource that could not
 * declare {@code @Consumes} (its body is optional); {@link ErrorMapper} answers it with 415.
 */
public class BodyNotJsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BodyNotJsonException() {
    super("Request bodies must be application/json", null, false, false);
  }
}
