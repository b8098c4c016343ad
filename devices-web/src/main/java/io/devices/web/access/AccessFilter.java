package io.devices.web.access;

import io.devices.core.auth.Authenticator;
import io.devices.core.auth.Caller;
import io.devices.core.common.DomainException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Checks, before the request body is read, that the request carries a usable token (else 401) whose
 * scopes allow the method's {@link Allows action} on the application in the path (else 403). Order
 * of checks per the contract: 401, 403, then the request's own shape.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AccessFilter implements ContainerRequestFilter {
  @Context ResourceInfo resource;
  @Inject Authenticator authenticator;
  @Inject CurrentCaller currentCaller;

  @Override
  public void filter(ContainerRequestContext request) {
    if (resource.getResourceMethod().isAnnotationPresent(SignedLink.class)) {
      return;
    }
    Allows allows = resource.getResourceMethod().getAnnotation(Allows.class);
    if (allows == null) {
      throw DomainException.forbidden("This operation is not available");
    }
    Caller caller = authenticator.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    String applicationId = request.getUriInfo().getPathParameters().getFirst("applicationId");
    caller.authorize(allows.value(), applicationId);
    currentCaller.set(caller);
  }
}
