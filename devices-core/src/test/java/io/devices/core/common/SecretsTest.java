package io.devices.core.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretsTest {
  @Test
  void aSetSecretShowsAsStarsAnAbsentOneAsNone() {
    assertEquals("****", Secrets.masked(Optional.of("hunter2")));
    assertEquals("(none)", Secrets.masked(Optional.empty()));
    assertEquals("(none)", Secrets.masked(Optional.of("")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "password",
        "truststore-password",
        "PASSWORD",
        "signing-key",
        "api-key",
        "client-secret",
        "token",
        "credentials"
      })
  void secretNames(String name) {
    assertTrue(Secrets.isSecretName(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"url", "user", "client-id", "max-inflight", "keep-alive", "separator"})
  void ordinaryNames(String name) {
    assertFalse(Secrets.isSecretName(name));
  }
}
