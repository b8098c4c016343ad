package io.devices.core.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.core.common.DomainException;
import io.devices.core.common.Paging;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TagFilterTest {
  private static final Tag FLOOR_8 = new Tag("floor", "8");

  @Test
  void keyOnlyValueOnlyAndBothMatchAsTheContractSays() {
    assertTrue(TagFilter.of("f", "floor", null).matches(FLOOR_8));
    assertFalse(TagFilter.of("f", "room", null).matches(FLOOR_8));
    assertTrue(TagFilter.of("f", null, "8").matches(FLOOR_8));
    assertFalse(TagFilter.of("f", null, "9").matches(FLOOR_8));
    assertTrue(TagFilter.of("f", "floor", "8").matches(FLOOR_8));
    assertFalse(TagFilter.of("f", "floor", "9").matches(FLOOR_8));
    assertFalse(TagFilter.of("f", "room", "8").matches(FLOOR_8));
  }

  @Test
  void anEntryWithNeitherKeyNorValueIsRefused() {
    DomainException e =
        assertThrows(DomainException.class, () -> TagFilter.of("tagFilter[3]", null, null));
    assertEquals("tagFilter[3] must have a key, a value or both", e.getMessage());
  }

  @Test
  void entriesFollowTheDevicePostPatterns() {
    DomainException e =
        assertThrows(DomainException.class, () -> TagFilter.of("tagFilter[0]", "a b", null));
    assertEquals("tagFilter[0].key must match ^[0-9a-zA-Z_-]{1,255}$", e.getMessage());
  }

  @Test
  void anyIsInclusiveAndAllNeedsEveryEntry() {
    Device device =
        new Device(
            "575ec8687ae143cd83dc4a97",
            "575ec8687ae143cd83dc4a98",
            new DeviceDraft("d", null, List.of(FLOOR_8, new Tag("kind", "lamp")), null, null, null),
            Instant.EPOCH);
    List<TagFilter> filters =
        List.of(TagFilter.of("a", "floor", "8"), TagFilter.of("b", "kind", "fan"));
    assertTrue(query(filters, TagMatch.any).matches(device));
    assertFalse(query(filters, TagMatch.all).matches(device));
    assertTrue(
        query(
                List.of(TagFilter.of("a", "floor", "8"), TagFilter.of("b", null, "lamp")),
                TagMatch.all)
            .matches(device));
  }

  private static DeviceListRequest query(List<TagFilter> filters, TagMatch match) {
    return new DeviceListRequest(
        "575ec8687ae143cd83dc4a98",
        SortField.name,
        SortDirection.asc,
        new Paging(0, 10),
        Optional.empty(),
        filters,
        match);
  }
}
