package io.devices.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OwnerConfigTest {
  private static final String TOKEN = "owner-token-of-this-test";

  private final OwnerConfig owner = new OwnerConfig(Optional.of(TOKEN), "me@example.com");

  @Test
  void theOwnerTokensHashMakesTheOwner() {
    Caller caller = owner.ownerFor(TokenSecrets.hash(TOKEN)).orElseThrow();
    assertEquals("me@example.com", caller.email());
    assertTrue(caller.scopes().contains("all.User"));
  }

  @Test
  void anyOtherHashDoesNot() {
    assertTrue(owner.ownerFor(TokenSecrets.hash(TOKEN + "x")).isEmpty());
    assertTrue(owner.ownerFor(TokenSecrets.hash(TOKEN.substring(1))).isEmpty());
    assertTrue(owner.ownerFor(TokenSecrets.hash(TOKEN).substring(0, 63)).isEmpty());
    assertTrue(owner.ownerFor("").isEmpty());
  }

  /** The configured token is only ever held as its hash: the plain token is not the key. */
  @Test
  void thePlainTokenIsNotAHash() {
    assertTrue(owner.ownerFor(TOKEN).isEmpty());
  }

  @Test
  void noOrABlankTokenMeansNoOwner() {
    OwnerConfig none = new OwnerConfig(Optional.empty(), "me@example.com");
    OwnerConfig blank = new OwnerConfig(Optional.of("  "), "me@example.com");
    assertTrue(none.ownerFor(TokenSecrets.hash("")).isEmpty());
    assertTrue(blank.ownerFor(TokenSecrets.hash("  ")).isEmpty());
  }
}
