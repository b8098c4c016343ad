package io.devices.core.device.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.core.common.DomainException;
import io.devices.core.device.Device;
import io.devices.core.device.Tag;
import io.devices.core.device.TagMatch;
import io.devices.core.device.TestDevices;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectorsTest {
  private static final Device FLOOR_8_LAMP =
      TestDevices.withTags("d", List.of(new Tag("floor", "8"), new Tag("kind", "lamp")));

  @Test
  void keyOnlyValueOnlyAndBothMatchAsTheContractSays() {
    assertTrue(Selectors.tag("f", "floor", null).matches(FLOOR_8_LAMP));
    assertFalse(Selectors.tag("f", "room", null).matches(FLOOR_8_LAMP));
    assertTrue(Selectors.tag("f", null, "8").matches(FLOOR_8_LAMP));
    assertFalse(Selectors.tag("f", null, "9").matches(FLOOR_8_LAMP));
    assertTrue(Selectors.tag("f", "floor", "8").matches(FLOOR_8_LAMP));
    assertFalse(Selectors.tag("f", "floor", "9").matches(FLOOR_8_LAMP));
    assertFalse(Selectors.tag("f", "room", "8").matches(FLOOR_8_LAMP));
    assertFalse(Selectors.tag("f", "floor", "lamp").matches(FLOOR_8_LAMP), "one tag, both parts");
  }

  @Test
  void anEntryWithNeitherKeyNorValueIsRefused() {
    DomainException e =
        assertThrows(DomainException.class, () -> Selectors.tag("tagFilter[3]", null, null));
    assertEquals("tagFilter[3] must have a key, a value or both", e.getMessage());
  }

  @Test
  void entriesFollowTheDevicePostPatterns() {
    DomainException e =
        assertThrows(DomainException.class, () -> Selectors.tag("tagFilter[0]", "a b", null));
    assertEquals("tagFilter[0].key must match ^[0-9a-zA-Z_-]{1,255}$", e.getMessage());
  }

  @Test
  void anyIsInclusiveAndAllNeedsEveryEntry() {
    List<TagCondition> filters =
        List.of(Selectors.tag("a", "floor", "8"), Selectors.tag("b", "kind", "fan"));
    assertTrue(Selectors.tags(filters, TagMatch.any).matches(FLOOR_8_LAMP));
    assertFalse(Selectors.tags(filters, TagMatch.all).matches(FLOOR_8_LAMP));
    List<TagCondition> both =
        List.of(Selectors.tag("a", "floor", "8"), Selectors.tag("b", null, "lamp"));
    assertTrue(Selectors.tags(both, TagMatch.all).matches(FLOOR_8_LAMP));
  }
}
