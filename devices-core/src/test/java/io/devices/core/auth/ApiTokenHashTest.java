package io.devices.core.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The check the authenticator repeats, in constant time, after the database or the token cache
 * found a token.
 */
class ApiTokenHashTest {
  private static final String SECRET = TokenSecrets.newToken();

  private final ApiToken token =
      new ApiToken(
          "575ec8687ae143cd83dc4a97",
          "575ec8687ae143cd83dc4a98",
          TokenSecrets.hash(SECRET),
          new TokenDraft("t", null, null, List.of("devices.get")),
          new Caller("owner", "user", "me", "me@example.com", null, Set.of("all.User")),
          Instant.EPOCH);

  @Test
  void matchesTheHashOfItsSecretOnly() {
    assertTrue(token.cached().hasHash(TokenSecrets.hash(SECRET)));
    assertFalse(token.cached().hasHash(TokenSecrets.hash(SECRET + "x")));
  }

  /** A database that compares case-insensitively must not let a variant of the hash through. */
  @Test
  void doesNotMatchTheHashInAnotherCase() {
    assertFalse(token.cached().hasHash(TokenSecrets.hash(SECRET).toUpperCase(Locale.ROOT)));
  }

  @Test
  void doesNotMatchTheSecretItselfOrATruncatedHash() {
    assertFalse(token.cached().hasHash(SECRET));
    assertFalse(token.cached().hasHash(TokenSecrets.hash(SECRET).substring(0, 40)));
  }
}
