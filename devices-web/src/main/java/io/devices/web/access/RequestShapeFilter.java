package io.devices.web.access;

import io.devices.core.common.DomainException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Checks what every request must get right before any resource reads it, after authentication and
 * authorization: the client accepts JSON (else 406), and the query string is properly
 * percent-encoded UTF-8 (else 400, instead of a decoding failure deep inside JAX-RS or a silently
 * substituted character).
 */
@Provider
@Priority(Priorities.USER)
public class RequestShapeFilter implements ContainerRequestFilter {
  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    boolean signedLink = resource.getResourceMethod().isAnnotationPresent(SignedLink.class);
    boolean acceptsJson =
        signedLink
            || request.getAcceptableMediaTypes().stream()
                .anyMatch(type -> type.isCompatible(MediaType.APPLICATION_JSON_TYPE));
    if (!acceptsJson) {
      throw new NotAcceptableException();
    }
    String rawQuery;
    try {
      rawQuery = request.getUriInfo().getRequestUri().getRawQuery();
    } catch (IllegalArgumentException e) {
      throw DomainException.validation("The query string must be percent-encoded UTF-8 (RFC 3986)");
    }
    QueryEncoding.check(rawQuery);
  }
}
