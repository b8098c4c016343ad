package io.devices.core.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.devices.core.common.DomainException;
import org.junit.jupiter.api.Test;

/** The sort fields, their columns, and the message that lists them. */
class SortFieldTest {
  @Test
  void lastUpdatedSortsByTheUpdateTime() {
    assertEquals(SortField.lastUpdated, SortField.parse("lastUpdated"));
    assertEquals("updated_at", SortField.lastUpdated.column());
  }

  @Test
  void anUnknownFieldIsAValidationErrorListingEveryField() {
    DomainException error = assertThrows(DomainException.class, () -> SortField.parse("updated"));
    assertEquals(
        "sortField must be one of name, id, creationDate, lastUpdated", error.getMessage());
  }
}
