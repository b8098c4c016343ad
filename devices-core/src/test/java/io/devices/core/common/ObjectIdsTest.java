package io.devices.core.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectIdsTest {
  @Test
  void idsAre24LowerCaseHexWithTheSecondsInFront() {
    Instant now = Instant.parse("2016-06-13T04:00:00Z");
    String id = ObjectIds.next(now);
    assertTrue(id.matches("^[a-f0-9]{24}$"), id);
    assertEquals(now.getEpochSecond(), Long.parseLong(id.substring(0, 8), 16));
  }

  @Test
  void idsAreUniqueAndLaterOnesSortAfterEarlierOnes() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      assertTrue(ids.add(ObjectIds.next(Instant.EPOCH)));
    }
    String earlier = ObjectIds.next(Instant.parse("2020-01-01T00:00:00Z"));
    String later = ObjectIds.next(Instant.parse("2020-01-01T00:00:01Z"));
    assertTrue(earlier.compareTo(later) < 0);
  }

  @Test
  void wellFormedIdsAreAcceptedInAnyCaseAndReturnedLowerCase() {
    assertEquals("575ec8687ae143cd83dc4a97", ObjectIds.require("id", "575EC8687AE143CD83DC4A97"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "575ec8687ae143cd83dc4a9",
        "575ec8687ae143cd83dc4a977",
        "575ec8687ae143cd83dc4a9g",
        "' OR 1=1 --"
      })
  void malformedIdsAreValidationErrorsNamingTheField(String id) {
    assertFalse(ObjectIds.isWellFormed(id));
    DomainException e =
        assertThrows(DomainException.class, () -> ObjectIds.require("gatewayId", id));
    assertEquals(ErrorCode.VALIDATION, e.code());
    assertTrue(e.getMessage().startsWith("gatewayId "));
  }
}
