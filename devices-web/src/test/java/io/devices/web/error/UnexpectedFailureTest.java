package io.devices.web.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.web.correlation.RequestIds;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A 500's body names the request's id, so that a caller's report leads to the log records. */
class UnexpectedFailureTest {
  @Test
  void theMessageNamesTheRequestsId() {
    String previous = RequestIds.enter("req-42");
    try {
      assertEquals(
          "Something went wrong on the server; correlation id req-42",
          ErrorResponses.logUnexpected(new IllegalStateException("boom")));
    } finally {
      RequestIds.leave(previous);
    }
  }

  @Test
  void outsideARequestANewIdIsMade() {
    String message = ErrorResponses.logUnexpected(new IllegalStateException("boom"));
    String id = message.substring(message.lastIndexOf(' ') + 1);
    assertTrue(message.startsWith("Something went wrong on the server; correlation id "), message);
    assertEquals(id, UUID.fromString(id).toString());
  }
}
