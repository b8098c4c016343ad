package io.devices.web.correlation;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Which incoming request ids are kept, how new ones are made, and the id of the current thread. */
public final class RequestIds {
  /** The request and response header. */
  public static final String HEADER = "X-Request-Id";

  /**
   * Short and plain, so that a caller cannot forge log lines or headers with it: a UUID, a trace id
   * or a load balancer's id fits.
   */
  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private RequestIds() {}

  /** The caller's id when it is acceptable, else a new random one. */
  public static String acceptOrGenerate(String incoming) {
    return incoming != null && ACCEPTED.matcher(incoming).matches()
        ? incoming
        : UUID.randomUUID().toString();
  }

  /** The id of the request this thread serves, if it serves one. */
  public static Optional<String> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /**
   * Makes {@code requestId} the current thread's until {@link #leave}; for the filter.
   *
   * @return the id this thread had before (an error page dispatch runs inside its request)
   */
  public static String enter(String requestId) {
    String previous = CURRENT.get();
    CURRENT.set(requestId);
    return previous;
  }

  /** Restores what {@link #enter} returned. */
  public static void leave(String previous) {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }
}
