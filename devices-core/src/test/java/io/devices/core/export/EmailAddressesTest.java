package io.devices.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.devices.core.common.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {
  @ParameterizedTest
  @ValueSource(strings = {"a@b.example", "first.last+tag@sub.domain.example", "x@localhost"})
  void plainAddressesPass(String email) {
    assertEquals(email, EmailAddresses.require(email));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "plain",
        "a@",
        "@b.example",
        "Someone <a@b.example>",
        "a@b.example, c@d.example",
        "a b@c.example",
        "a@[127.0.0.1]",
        "a@b.example\r\nBcc: x@y.example"
      })
  void anythingElseIsRefused(String email) {
    assertThrows(DomainException.class, () -> EmailAddresses.require(email));
  }
}
