package io.devices.core.auth;

import io.devices.core.common.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Locale;

/**
 * Turns the {@code Authorization} header of a request into a {@link Caller}. Tokens are looked up
 * by hash on every request, so an inactive, deleted or expired token fails from the next request
 * on.
 */
@ApplicationScoped
public class Authenticator {
  private static final String BEARER = "bearer ";

  @PersistenceContext(unitName = "devices")
  EntityManager em;

  @Inject OwnerConfig owner;
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

  private java.util.Optional<Caller> apiTokenCaller(String hash) {
    return em.createQuery("SELECT t FROM ApiToken t WHERE t.tokenHash = :hash", ApiToken.class)
        .setParameter("hash", hash)
        .getResultStream()
        .findFirst()
        // The database found the row by an ordinary index comparison, which may take longer the
        // more leading characters match. Comparing again in constant time keeps the decision
        // itself free of that timing; and what the index leaks is about hashes of 256-bit random
        // tokens, which does not help anyone guess a token.
        .filter(t -> t.hasHash(hash))
        .filter(t -> t.isUsableAt(clock.instant()))
        .map(ApiToken::asCaller);
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
