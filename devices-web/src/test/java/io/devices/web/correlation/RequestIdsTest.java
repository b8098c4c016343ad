package io.devices.web.correlation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "3f2a6c1e-7b1d-4e0a-9c55-0d3f1c9b7e21",
        "lb.request_42",
        "1-67891233-abcdef012345678912345678",
        "a"
      })
  void aPlainIdFromTheCallerIsKept(String incoming) {
    assertEquals(incoming, RequestIds.acceptOrGenerate(incoming));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "two words",
        "forged\nINFO line",
        "quote\"d",
        "<script>",
        "Root=1-abc;Parent=2",
        "ümlaut"
      })
  void anythingElseIsReplacedByANewUuid(String incoming) {
    String id = RequestIds.acceptOrGenerate(incoming);
    assertNotEquals(incoming, id);
    assertEquals(id, UUID.fromString(id).toString());
  }

  @Test
  void anIdLongerThan128CharactersIsReplaced() {
    assertEquals("x".repeat(128), RequestIds.acceptOrGenerate("x".repeat(128)));
    assertNotEquals("x".repeat(129), RequestIds.acceptOrGenerate("x".repeat(129)));
  }

  @Test
  void theCurrentIdIsTheInnermostOneAndIsGoneAfterTheRequest() {
    assertTrue(RequestIds.current().isEmpty());
    String outer = RequestIds.enter("request");
    String inner = RequestIds.enter("request-again");
    assertEquals("request-again", RequestIds.current().orElseThrow());
    RequestIds.leave(inner);
    assertEquals("request", RequestIds.current().orElseThrow());
    RequestIds.leave(outer);
    assertTrue(RequestIds.current().isEmpty());
  }
}
