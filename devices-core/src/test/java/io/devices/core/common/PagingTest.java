package io.devices.core.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PagingTest {
  @ParameterizedTest
  @CsvSource({
    "-1,10,page must be a non-negative integer",
    "0,0,perPage must be between 1 and 1000",
    "0,1001,perPage must be between 1 and 1000"
  })
  void outOfRangeValuesAreRefusedWithTheRule(int page, int perPage, String message) {
    DomainException e = assertThrows(DomainException.class, () -> new Paging(page, perPage));
    assertEquals(message, e.getMessage());
  }

  @Test
  void theOffsetOfAHugePageDoesNotOverflow() {
    assertEquals(2_147_483_647_000L, new Paging(Integer.MAX_VALUE, 1000).offset());
  }
}
