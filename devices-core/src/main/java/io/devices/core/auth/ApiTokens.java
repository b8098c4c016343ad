package io.devices.core.auth;

import io.devices.core.application.Applications;
import io.devices.core.common.DomainException;
import io.devices.core.common.ObjectIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The life cycle of application API tokens: issue, list, look up, change, delete. */
@ApplicationScoped
public class ApiTokens {
  @PersistenceContext(unitName = "devices")
  EntityManager em;

  @Inject Applications applications;
  @Inject Clock clock;

  /** Observed after commit by the {@link TokenCache}, which then forgets the token. */
  @Inject Event<TokenCache.TokenChanged> changed;

  @Transactional
  public IssuedToken issue(String applicationId, TokenDraft draft, Caller creator) {
    applications.require(applicationId);
    Instant now = clock.instant();
    if (draft.expirationDate() != null && !draft.expirationDate().isAfter(now)) {
      throw DomainException.validation("expirationDate must be in the future");
    }
    String secret = TokenSecrets.newToken();
    ApiToken token =
        new ApiToken(
            ObjectIds.next(now), applicationId, TokenSecrets.hash(secret), draft, creator, now);
    em.persist(token);
    return new IssuedToken(token, secret);
  }

  public List<ApiToken> list(String applicationId) {
    applications.require(applicationId);
    return em.createQuery(
            "SELECT t FROM ApiToken t WHERE t.applicationId = :app ORDER BY t.id", ApiToken.class)
        .setParameter("app", applicationId)
        .getResultList();
  }

  public ApiToken get(String applicationId, String tokenId) {
    applications.require(applicationId);
    ApiToken token = em.find(ApiToken.class, tokenId);
    if (token == null || !token.applicationId().equals(applicationId)) {
      throw DomainException.notFound("API token");
    }
    return token;
  }

  @Transactional
  public ApiToken change(String applicationId, String tokenId, TokenChanges changes) {
    ApiToken token = get(applicationId, tokenId);
    token.change(changes, clock.instant());
    changed.fire(new TokenCache.TokenChanged(token.tokenHash()));
    return token;
  }

  @Transactional
  public void delete(String applicationId, String tokenId) {
    ApiToken token = get(applicationId, tokenId);
    em.remove(token);
    changed.fire(new TokenCache.TokenChanged(token.tokenHash()));
  }
}
