package io.devices.core.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The API tokens this server found by hash lately, so that a request with a known token costs no
 * query. {@code devices.auth.token-cache} (env {@code DEVICES_AUTH_TOKEN_CACHE}, ISO-8601, default
 * {@code PT5S}) bounds how long an entry is trusted: a token revoked, deactivated, renamed or
 * deleted through another server is refused here at the latest that long after the change; {@code
 * PT0S} turns the cache off. A change through this server drops the entry once it is committed
 * ({@link TokenChanged}). Only tokens that were found and usable are kept, at most {@value
 * #MAX_ENTRIES}, so random tokens cannot grow it: a miss always asks the database. Expiry is not
 * the cache's business: the entry carries {@code expiresAt}, which the caller checks on every
 * request.
 */
@ApplicationScoped
public class TokenCache {
  static final String KEY = "devices.auth.token-cache";
  static final long MAX_ENTRIES = 10_000;
  private static final Logger LOG = Logger.getLogger(TokenCache.class.getName());

  private Cache<String, CachedToken> entries; // null: caching off
  private Duration lifetime;

  /**
   * Drops so far. A lookup that saw another value before asking the database may have read a row a
   * drop has since made stale, so it does not keep what it read.
   */
  private final AtomicLong drops = new AtomicLong();

  /** For the CDI proxy only. */
  protected TokenCache() {}

  @Inject
  public TokenCache(@ConfigProperty(name = KEY, defaultValue = "PT5S") Duration lifetime) {
    this(lifetime, MAX_ENTRIES, Ticker.systemTicker());
  }

  TokenCache(Duration lifetime, long maxEntries, Ticker ticker) {
    if (lifetime.isNegative()) {
      throw new IllegalArgumentException(
          KEY
              + " must be an ISO-8601 duration of zero (no cache) or more (such as PT5S), not "
              + lifetime);
    }
    this.lifetime = lifetime;
    this.entries =
        lifetime.isZero()
            ? null
            : Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(lifetime)
                .ticker(ticker)
                // Clean-ups on the calling threads, not on a pool the container does not manage.
                .executor(Runnable::run)
                .build();
  }

  /**
   * Created at start, so that a bad {@value #KEY} stops the deployment with the message above; the
   * log says what the cache trusts.
   */
  void check(@Observes Startup startup) {
    LOG.info(
        () ->
            entries == null
                ? "API token cache off (" + KEY + "=PT0S): every request looks its token up"
                : "API token cache: a token found is trusted for "
                    + lifetime
                    + " without a query ("
                    + KEY
                    + "), at most "
                    + MAX_ENTRIES
                    + " tokens");
  }

  public Duration lifetime() {
    return lifetime;
  }

  /**
   * The token of {@code hash}: from the cache, or else from {@code database}, whose answer is kept
   * when it holds a token.
   */
  Optional<CachedToken> find(String hash, Function<String, Optional<CachedToken>> database) {
    if (entries == null) {
      return database.apply(hash);
    }
    CachedToken known = entries.getIfPresent(hash);
    if (known != null) {
      return Optional.of(known);
    }
    long seen = drops.get();
    Optional<CachedToken> found = database.apply(hash);
    found.ifPresent(
        token -> {
          entries.put(hash, token);
          if (drops.get() != seen) {
            entries.invalidate(hash); // a drop ran meanwhile: maybe of this very token
          }
        });
    return found;
  }

  /** Forgets the token of {@code hash}; a change through this server calls it after commit. */
  void drop(String hash) {
    if (entries != null) {
      drops.incrementAndGet();
      entries.invalidate(hash);
    }
  }

  void dropCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) TokenChanged changed) {
    drop(changed.tokenHash());
  }

  /** Entries held now, after evicting what is over the bound or too old. */
  long size() {
    if (entries == null) {
      return 0;
    }
    entries.cleanUp();
    return entries.estimatedSize();
  }

  /** What a request needs of a usable token: the caller, and when it stops being usable. */
  record CachedToken(String tokenHash, Long expiresAt, Caller caller) {
    /** Whether {@code hash} is this token's hash, compared in constant time. */
    boolean hasHash(String hash) {
      return TokenSecrets.sameHash(tokenHash, hash);
    }

    boolean isUnexpiredAt(Instant now) {
      return expiresAt == null || now.toEpochMilli() < expiresAt;
    }
  }

  /** Fired by a change or delete of a token, in its transaction. */
  record TokenChanged(String tokenHash) {}
}
