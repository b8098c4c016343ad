package io.devices.web.access;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.devices.core.common.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryEncodingTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "perPage=10&page=0",
        "tagFilter%5B0%5D%5Bkey%5D=floor&tagFilter[1][value]=8",
        "filter=%E6%97%A5%E6%9C%AC*&_links=true",
        "filter=%F0%9F%9A%80",
        "filter=a+b%25c"
      })
  void wellFormedQueriesPass(String query) {
    assertDoesNotThrow(() -> QueryEncoding.check(query));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "filter=%zz",
        "filter=%",
        "filter=%4",
        "filter=%ff",
        "filter=%c0%af",
        "filter=%ed%a0%80",
        "filter=\u00ff",
        "filter=a b",
        "filter=\u0000"
      })
  void malformedQueriesAreValidationErrors(String query) {
    DomainException e = assertThrows(DomainException.class, () -> QueryEncoding.check(query));
    assertEquals("The query string must be percent-encoded UTF-8 (RFC 3986)", e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "filter=a%00b|filter must not contain NUL (%00)",
        "page=0&tagFilter%5B0%5D%5Bvalue%5D=%00|tagFilter[0][value] must not contain NUL (%00)",
        "tagFilter[0][key]=x&filter=%00|filter must not contain NUL (%00)",
        "fil%00ter=a|A query parameter name must not contain NUL (%00)"
      })
  void nulIsRefusedNamingTheParameter(String query, String message) {
    DomainException e = assertThrows(DomainException.class, () -> QueryEncoding.check(query));
    assertEquals(message, e.getMessage());
  }
}
