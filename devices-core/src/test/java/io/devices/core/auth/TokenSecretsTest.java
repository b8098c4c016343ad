package io.devices.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenSecretsTest {
  @Test
  void tokensCarry256RandomBitsAndDiffer() {
    String a = TokenSecrets.newToken();
    assertEquals(32, Base64.getUrlDecoder().decode(a).length);
    assertNotEquals(a, TokenSecrets.newToken());
  }

  @Test
  void theHashIsSha256HexAndNeverTheToken() {
    String token = TokenSecrets.newToken();
    String hash = TokenSecrets.hash(token);
    assertTrue(hash.matches("^[a-f0-9]{64}$"));
    assertFalse(hash.contains(token));
    assertEquals(
        "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
        TokenSecrets.hash("hello"));
  }

  @Test
  void hashesCompareByContent() {
    assertTrue(TokenSecrets.sameHash(TokenSecrets.hash("x"), TokenSecrets.hash("x")));
    assertFalse(TokenSecrets.sameHash(TokenSecrets.hash("x"), TokenSecrets.hash("y")));
  }
}
