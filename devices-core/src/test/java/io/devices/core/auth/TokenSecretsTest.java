package io.devices.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenSecretsTest {
  @Test
  void tokensCarry256RandomBitsAndDiffer() {
    String a = TokenSecrets.newToken();
    assertEquals(32, Base64.getUrlDecoder().decode(a).length);
    assertNotEquals(a, TokenSecrets.newToken());
  }

  @Test
  void tokensAre43UnpaddedBase64UrlCharacters() {
    for (int i = 0; i < 200; i++) {
      assertTrue(TokenSecrets.newToken().matches("^[A-Za-z0-9_-]{43}$"));
    }
  }

  /** A weak generator (a counter, a clock) would repeat or cluster; 256 bits never collide. */
  @Test
  void fiveThousandTokensAreDistinctAndSpreadOverEveryByteValue() {
    Set<String> tokens = new HashSet<>();
    int[] firstByteCounts = new int[256];
    for (int i = 0; i < 5_000; i++) {
      String token = TokenSecrets.newToken();
      tokens.add(token);
      firstByteCounts[Base64.getUrlDecoder().decode(token)[0] & 0xff]++;
    }
    assertEquals(5_000, tokens.size());
    long valuesSeen = Arrays.stream(firstByteCounts).filter(n -> n > 0).count();
    assertTrue(valuesSeen > 240, "the first byte took only " + valuesSeen + " values");
  }

  @Test
  void theHashIsSha256HexAndNeverTheToken() throws Exception {
    String token = TokenSecrets.newToken();
    String hash = TokenSecrets.hash(token);
    assertTrue(hash.matches("^[a-f0-9]{64}$"));
    assertFalse(hash.contains(token));
    assertEquals(
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8))),
        hash);
    assertEquals(
        "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
        TokenSecrets.hash("hello"));
  }

  @Test
  void hashesCompareByContent() {
    assertTrue(TokenSecrets.sameHash(TokenSecrets.hash("x"), TokenSecrets.hash("x")));
    assertTrue(TokenSecrets.sameHash(new String("abc"), "abc"));
    assertFalse(TokenSecrets.sameHash(TokenSecrets.hash("x"), TokenSecrets.hash("y")));
  }

  @Test
  void hashesDifferingOnlyInTheLastCharacterAreDifferent() {
    String hash = TokenSecrets.hash("x");
    String lastChanged = hash.substring(0, 63) + (hash.charAt(63) == '0' ? '1' : '0');
    assertFalse(TokenSecrets.sameHash(hash, lastChanged));
  }

  @Test
  void aPrefixOrAnExtensionIsNotTheSameHash() {
    String hash = TokenSecrets.hash("x");
    assertFalse(TokenSecrets.sameHash(hash, hash.substring(0, 32)));
    assertFalse(TokenSecrets.sameHash(hash, hash + "0"));
    assertFalse(TokenSecrets.sameHash(hash, ""));
    assertTrue(TokenSecrets.sameHash("", ""));
  }
}
