package io.devices.web.access;

import io.devices.web.error.BodyTooLargeException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Holds every request body to the {@link BodyLimit} (413 beyond it): at once when the declared
 * {@code Content-Length} is larger, else while the body is read, so a chunked body without a length
 * is stopped after the limit too and never buffered whole. Runs after authentication: an anonymous
 * client learns nothing but 401.
 */
@Provider
@Priority(Priorities.USER + 100)
public class BodyLimitFilter implements ContainerRequestFilter {
  @Inject BodyLimit limit;

  @Override
  public void filter(ContainerRequestContext request) {
    long max = limit.maxBytes();
    if (declaredLength(request) > max) {
      throw new BodyTooLargeException(max);
    }
    request.setEntityStream(new LimitedInputStream(request.getEntityStream(), max));
  }

  /** The Content-Length, or -1 when absent or not a number (JAX-RS's getLength stops at 2 GiB). */
  private static long declaredLength(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (header == null) {
      return -1;
    }
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
