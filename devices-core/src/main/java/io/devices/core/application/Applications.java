package io.devices.core.application;

import io.devices.core.auth.Caller;
import io.devices.core.common.DomainException;
import io.devices.core.common.ObjectIds;
import io.devices.core.common.Page;
import io.devices.core.common.Paging;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Creating and finding applications. Reads run without a transaction: a failed lookup is a normal
 * answer, not a rollback.
 */
@ApplicationScoped
public class Applications {
  @PersistenceContext(unitName = "devices")
  EntityManager em;

  @Inject Clock clock;

  @Transactional
  public Application create(ApplicationDraft draft) {
    Instant now = clock.instant();
    Application application = new Application(ObjectIds.next(now), draft, now);
    em.persist(application);
    return application;
  }

  /** The applications the caller may see: all of them for the owner, its own for a token. */
  public Page<Application> list(Caller caller, Paging paging) {
    String bound = caller.boundApplicationId();
    String where = bound == null ? "" : " WHERE a.id = :bound";
    TypedQuery<Application> items =
        em.createQuery(
            "SELECT a FROM Application a" + where + " ORDER BY a.name, a.id", Application.class);
    TypedQuery<Long> count =
        em.createQuery("SELECT COUNT(a) FROM Application a" + where, Long.class);
    if (bound != null) {
      items.setParameter("bound", bound);
      count.setParameter("bound", bound);
    }
    long total = count.getSingleResult();
    List<Application> page =
        paging.offset() >= total
            ? List.of()
            : items
                .setFirstResult((int) paging.offset())
                .setMaxResults(paging.perPage())
                .getResultList();
    return new Page<>(page, total, paging.page(), paging.perPage());
  }

  /**
   * @throws DomainException NOT_FOUND when there is no such application
   */
  public Application require(String applicationId) {
    Application application = em.find(Application.class, applicationId);
    if (application == null) {
      throw DomainException.notFound("Application");
    }
    return application;
  }

  /** Counts a new device; the row lock serialises concurrent additions to one application. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void countNewDevice(String applicationId) {
    countDevices(applicationId, 1);
  }

  /**
   * Adds {@code delta} (negative for deleted devices) to the application's live device count, in
   * the caller's transaction: deletes and restores keep it exact with it.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void countDevices(String applicationId, long delta) {
    em.createQuery(
            "UPDATE Application a SET a.deviceCount = a.deviceCount + :delta WHERE a.id = :id")
        .setParameter("delta", delta)
        .setParameter("id", applicationId)
        .executeUpdate();
  }
}
