package io.devices.web.error;

import io.devices.api.ErrorBody;
import io.devices.core.common.ErrorCode;
import io.devices.web.correlation.RequestIds;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Statuses, error types and the JSON error response, shared by the mapper and the servlet. */
final class ErrorResponses {
  static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");
  private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

  /**
   * Frames logged per exception. Liberty writes a record to the console synchronously, on the
   * request's thread; a runaway recursion's trace (a parser 1,000 levels deep: 77 KB in one JSON
   * record) held a 500 for 30 s while {@code mvn liberty:run}, which relays the console, read it.
   */
  static final int MAX_LOGGED_FRAMES = 64;

  private static final Map<ErrorCode, Integer> STATUS_OF_CODE =
      Map.of(
          ErrorCode.VALIDATION, 400,
          ErrorCode.UNAUTHORIZED, 401,
          ErrorCode.FORBIDDEN, 403,
          ErrorCode.NOT_FOUND, 404,
          ErrorCode.PRECONDITION_FAILED, 412);

  private static final Map<Integer, String> TYPE_OF_STATUS =
      Map.of(
          400, "Validation",
          401, "Unauthorized",
          403, "Forbidden",
          404, "NotFound",
          405, "MethodNotAllowed",
          406, "NotAcceptable",
          412, "PreconditionFailed",
          413, "PayloadTooLarge",
          415, "UnsupportedMediaType",
          501, "NotImplemented");

  private ErrorResponses() {}

  static int statusOf(ErrorCode code) {
    return STATUS_OF_CODE.get(code);
  }

  static String typeOf(int status) {
    return TYPE_OF_STATUS.getOrDefault(status, status < 500 ? "BadRequest" : "ServerError");
  }

  static Response.ResponseBuilder response(int status, String message) {
    return Response.status(status).type(JSON).entity(new ErrorBody(typeOf(status), message));
  }

  /**
   * Logs the failure under the request's correlation id (its {@code X-Request-Id}) and returns a
   * message that names only that id.
   */
  static String logUnexpected(Throwable failure) {
    String correlationId = RequestIds.current().orElseGet(() -> UUID.randomUUID().toString());
    trimStackTraces(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    LOG.log(Level.SEVERE, "Unexpected failure, correlation id " + correlationId, failure);
    return "Something went wrong on the server; correlation id " + correlationId;
  }

  /** Cuts the trace of the failure, its causes and suppressed exceptions to the logged frames. */
  private static void trimStackTraces(Throwable failure, Set<Throwable> seen) {
    if (failure == null || !seen.add(failure)) {
      return;
    }
    StackTraceElement[] frames = failure.getStackTrace();
    if (frames.length > MAX_LOGGED_FRAMES) {
      failure.setStackTrace(Arrays.copyOf(frames, MAX_LOGGED_FRAMES));
    }
    trimStackTraces(failure.getCause(), seen);
    for (Throwable suppressed : failure.getSuppressed()) {
      trimStackTraces(suppressed, seen);
    }
  }
}
