package io.devices.web.error;

import io.devices.core.common.DomainException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps every exception that leaves a resource or filter to a JSON error response. */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {
  @Override
  public Response toResponse(Throwable thrown) {
    Throwable failure = unwrapped(thrown);
    if (failure instanceof DomainException domain) {
      return ErrorResponses.response(ErrorResponses.statusOf(domain.code()), domain.getMessage())
          .build();
    }
    if (failure instanceof BodyTooLargeException tooLarge) {
      return ErrorResponses.response(413, tooLarge.getMessage()).build();
    }
    if (failure instanceof BodyNotJsonException notJson) {
      return ErrorResponses.response(415, notJson.getMessage()).build();
    }
    if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      return fromWebApplication(web.getResponse());
    }
    return ErrorResponses.response(500, ErrorResponses.logUnexpected(failure)).build();
  }

  /**
   * The domain failure, 413 or 415 a body reader threw, which JAX-RS hands over wrapped (RESTEasy:
   * in a ReaderException); any other failure as it came.
   */
  private static Throwable unwrapped(Throwable thrown) {
    Throwable cause = thrown;
    for (int depth = 0; cause != null && depth < 5; depth++, cause = cause.getCause()) {
      if (cause instanceof DomainException
          || cause instanceof BodyTooLargeException
          || cause instanceof BodyNotJsonException) {
        return cause;
      }
    }
    return thrown;
  }

  private static Response fromWebApplication(Response original) {
    int status = original.getStatus();
    Response.ResponseBuilder response = ErrorResponses.response(status, messageFor(status));
    String allow = original.getHeaderString(HttpHeaders.ALLOW);
    if (allow != null) {
      response.header(HttpHeaders.ALLOW, allow);
    }
    return response.build();
  }

  private static String messageFor(int status) {
    return switch (status) {
      case 404 -> "Resource was not found";
      case 405 -> "Method not allowed on this resource";
      case 406 -> "This API produces application/json only";
      case 413 -> "The request body is too large";
      case 415 -> "Request bodies must be application/json";
      default -> "The request is malformed";
    };
  }
}
