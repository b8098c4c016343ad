package io.devices.core.auth;

import io.devices.core.auth.TokenCache.CachedToken;
import io.devices.core.common.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the {@code Authorization} header of a request into a {@link Caller}. API tokens are looked
 * up by hash, through the {@link TokenCache}: an expired token fails from the next request on
 * everywhere, a token deactivated or deleted through this server from the next request on, through
 * another server at the latest after {@code devices.auth.token-cache}.
 */
@ApplicationScoped
public class Authenticator {
  private static final String BEARER = "bearer ";

  @PersistenceContext(unitName = "devices")
  EntityManager em;

  @Inject OwnerConfig owner;
  @Inject TokenCache cache;
  @Inject Clock clock;

  /**
   * @throws DomainException UNAUTHORIZED when the header holds no usable bearer token
   */
  public Caller authenticate(String authorizationHeader) {
    String token = bearerToken(authorizationHeader);
    String hash = TokenSecrets.hash(token);
    return owner
        .ownerFor(hash)
        .or(() -> apiTokenCaller(hash))
        .orElseThrow(() -> DomainException.unauthorized("The token is invalid or expired"));
  }

  private Optional<Caller> apiTokenCaller(String hash) {
    Instant now = clock.instant();
    return cache
        .find(hash, found -> stored(found, now))
        // The database found the row by an ordinary index comparison, and the cache by a hash map,
        // which may take longer the more leading characters match. Comparing again in constant
        // time keeps the decision itself free of that timing; and what the lookup leaks is about
        // hashes of 256-bit random tokens, which does not help anyone guess a token.
        .filter(token -> token.hasHash(hash))
        // On every request, also for a cached token: an expired token fails at once everywhere.
        .filter(token -> token.isUnexpiredAt(now))
        .map(CachedToken::caller);
  }

  /** The token of {@code hash} in the database, when it is usable now. */
  private Optional<CachedToken> stored(String hash, Instant now) {
    return em.createQuery("SELECT t FROM ApiToken t WHERE t.tokenHash = :hash", ApiToken.class)
        .setParameter("hash", hash)
        .getResultStream()
        .findFirst()
        .filter(t -> t.isUsableAt(now))
        .map(ApiToken::cached)
        .filter(t -> t.hasHash(hash)); // what the cache keeps under the hash is that hash's token
  }

  private static String bearerToken(String header) {
    if (header == null
        || header.length() <= BEARER.length()
        || !header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
      throw DomainException.unauthorized("An Authorization header with a Bearer token is required");
    }
    String token = header.substring(BEARER.length()).trim();
    if (token.isEmpty() || token.length() > 4096) {
      throw DomainException.unauthorized("The token is invalid or expired");
    }
    return token;
  }
}
