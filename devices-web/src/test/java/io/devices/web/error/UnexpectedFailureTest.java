package io.devices.web.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.web.correlation.RequestIds;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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

  @Test
  void aRunawayRecursionIsLoggedWithABoundedTrace() {
    Logger log = Logger.getLogger(ErrorResponses.class.getName());
    List<LogRecord> records = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    log.addHandler(capture);
    try {
      IllegalStateException failure = new IllegalStateException("deep", recursion(2_000));
      ErrorResponses.logUnexpected(failure);
    } finally {
      log.removeHandler(capture);
    }
    Throwable logged = records.get(0).getThrown();
    assertTrue(logged.getStackTrace().length <= ErrorResponses.MAX_LOGGED_FRAMES);
    assertEquals(ErrorResponses.MAX_LOGGED_FRAMES, logged.getCause().getStackTrace().length);
    assertEquals("nested too deep", logged.getCause().getMessage(), "the message is kept");
  }

  private static RuntimeException recursion(int depth) {
    return depth == 0 ? new RuntimeException("nested too deep") : recursion(depth - 1);
  }
}
