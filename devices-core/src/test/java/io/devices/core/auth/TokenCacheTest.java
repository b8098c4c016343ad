package io.devices.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import io.devices.core.auth.TokenCache.CachedToken;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What the token cache keeps, for how long, and what makes it forget. */
class TokenCacheTest {
  private static final Duration LIFETIME = Duration.ofSeconds(5);

  private final AtomicLong nanos = new AtomicLong();
  private final Ticker ticker = nanos::get;
  private final Map<String, CachedToken> database = new HashMap<>();
  private final AtomicInteger queries = new AtomicInteger();
  private final Function<String, Optional<CachedToken>> lookup =
      hash -> {
        queries.incrementAndGet();
        return Optional.ofNullable(database.get(hash));
      };

  private static CachedToken token(String hash) {
    return new CachedToken(
        hash, null, new Caller("t-" + hash, "apiToken", "t", "me@example.com", "app", Set.of()));
  }

  private CachedToken stored(String hash) {
    CachedToken token = token(hash);
    database.put(hash, token);
    return token;
  }

  private void advance(Duration by) {
    nanos.addAndGet(by.toNanos());
  }

  @Test
  void aKnownTokenIsAnsweredWithoutAQueryUntilItsEntryIsOlderThanTheLifetime() {
    TokenCache cache = new TokenCache(LIFETIME, 100, ticker);
    CachedToken token = stored("a");
    assertEquals(Optional.of(token), cache.find("a", lookup));
    assertEquals(1, queries.get());

    advance(LIFETIME.minusNanos(1));
    assertEquals(Optional.of(token), cache.find("a", lookup));
    assertEquals(1, queries.get(), "still trusted just before the lifetime ends");

    database.remove("a"); // deleted through another server
    advance(Duration.ofNanos(1));
    assertEquals(Optional.empty(), cache.find("a", lookup), "asked again once the lifetime ended");
    assertEquals(2, queries.get());
  }

  @Test
  void aDropForgetsTheTokenAtOnce() {
    TokenCache cache = new TokenCache(LIFETIME, 100, ticker);
    stored("a");
    CachedToken other = stored("b");
    cache.find("a", lookup);
    cache.find("b", lookup);
    database.remove("a");

    cache.drop("a");
    assertEquals(Optional.empty(), cache.find("a", lookup));
    assertEquals(3, queries.get());
    assertEquals(Optional.of(other), cache.find("b", lookup), "the other token stays cached");
    assertEquals(3, queries.get());
  }

  @Test
  void theCommittedChangeOfATokenDropsIt() {
    TokenCache cache = new TokenCache(LIFETIME, 100, ticker);
    stored("a");
    cache.find("a", lookup);
    database.remove("a");
    cache.dropCommitted(new TokenCache.TokenChanged("a"));
    assertEquals(Optional.empty(), cache.find("a", lookup));
  }

  /**
   * A lookup that read the row before a change committed must not keep it once the change's drop
   * ran: it would serve the old token for a whole lifetime.
   */
  @Test
  void aLookupOverlappedByADropDoesNotKeepWhatItRead() {
    TokenCache cache = new TokenCache(LIFETIME, 100, ticker);
    CachedToken before = stored("a");
    Optional<CachedToken> read =
        cache.find(
            "a",
            hash -> {
              queries.incrementAndGet();
              Optional<CachedToken> row = Optional.of(before); // read before the change
              database.remove("a"); // the change commits...
              cache.drop("a"); // ...and drops the entry, before this lookup stores it
              return row;
            });
    assertEquals(Optional.of(before), read, "this request still saw the token");
    assertEquals(Optional.empty(), cache.find("a", lookup), "the next one asks the database");
    assertEquals(2, queries.get());
  }

  @Test
  void unknownTokensAreNeverKeptSoRandomOnesCannotGrowTheCache() {
    TokenCache cache = new TokenCache(LIFETIME, 100, ticker);
    for (int i = 0; i < 1_000; i++) {
      assertEquals(Optional.empty(), cache.find("random-" + i, lookup));
    }
    assertEquals(0, cache.size());
    assertEquals(Optional.empty(), cache.find("random-0", lookup));
    assertEquals(1_001, queries.get(), "every miss asks the database");
  }

  @Test
  void atMostTheBoundIsKept() {
    TokenCache cache = new TokenCache(LIFETIME, 100, ticker);
    for (int i = 0; i < 1_000; i++) {
      stored("t" + i);
      cache.find("t" + i, lookup);
    }
    assertTrue(cache.size() <= 100, cache.size() + " entries");
    assertEquals(TokenCache.MAX_ENTRIES, 10_000, "the documented bound");
  }

  @Test
  void aZeroLifetimeAsksTheDatabaseEveryTime() {
    TokenCache cache = new TokenCache(Duration.ZERO, 100, ticker);
    stored("a");
    cache.find("a", lookup);
    cache.find("a", lookup);
    assertEquals(2, queries.get());
    assertEquals(0, cache.size());
  }

  @Test
  void aNegativeLifetimeIsRefusedByItsKey() {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> new TokenCache(Duration.ofSeconds(-1)));
    assertTrue(
        refused.getMessage().startsWith("devices.auth.token-cache must be"), refused.getMessage());
  }

  @Test
  void aCachedTokenIsCheckedForExpiryAndItsHash() {
    long expiresAt = Instant.parse("2026-12-01T12:00:00Z").toEpochMilli();
    CachedToken token = new CachedToken("a", expiresAt, token("a").caller());
    assertTrue(token.isUnexpiredAt(Instant.ofEpochMilli(expiresAt - 1)));
    assertFalse(token.isUnexpiredAt(Instant.ofEpochMilli(expiresAt)));
    assertTrue(
        token("a").isUnexpiredAt(Instant.parse("9999-01-01T00:00:00Z")), "no expiration date");
    assertTrue(token.hasHash("a"));
    assertFalse(token.hasHash("A"));
  }
}
