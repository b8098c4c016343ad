package io.devices.api.client;

import java.util.Optional;

/**
 * The server answered with an error: its HTTP status and the {@code {"type","message"}} body, e.g.
 * 400 {@code Validation}, 401 {@code Unauthorized}, 403 {@code Forbidden}, 404 {@code NotFound}.
 */
public final class DevicesApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String serverMessage;
  private final String requestId;

  public DevicesApiException(int status, String type, String serverMessage, String requestId) {
    super(status + " " + type + ": " + serverMessage);
    this.status = status;
    this.type = type;
    this.serverMessage = serverMessage;
    this.requestId = requestId;
  }

  /** The HTTP status, 4xx or 5xx. */
  public int status() {
    return status;
  }

  /** The stable error type, e.g. {@code Validation} or {@code NotFound}. */
  public String type() {
    return type;
  }

  /** The server's message as sent (the exception's own message adds status and type). */
  public String serverMessage() {
    return serverMessage;
  }

  /** The X-Request-Id of the failed request, which the server's logs carry. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }
}
