package io.devices.core.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Storage of export jobs and their deliveries. Every change a worker makes is a conditional update
 * that names the worker's lease, so two servers sharing a database never both run one job, and a
 * worker that lost its lease cannot overwrite the new holder's work.
 */
@ApplicationScoped
public class ExportJobs {
  @PersistenceContext(unitName = "devices")
  EntityManager em;

  @Transactional(Transactional.TxType.MANDATORY)
  void add(ExportJob job, List<ExportDelivery> deliveries) {
    em.persist(job);
    em.flush(); // EclipseLink does not order inserts by foreign key: the job goes first
    deliveries.forEach(em::persist);
  }

  /**
   * The job as committed now. Its own transaction: a worker task runs in one local transaction
   * containment, whose persistence context would otherwise hand back the instance it read before
   * the job changed.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  Optional<ExportJob> find(String exportId) {
    return Optional.ofNullable(em.find(ExportJob.class, exportId));
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  List<ExportDelivery> deliveriesOf(String exportId) {
    return em.createQuery(
            "SELECT d FROM ExportDelivery d WHERE d.exportId = :id ORDER BY d.channel",
            ExportDelivery.class)
        .setParameter("id", exportId)
        .getResultList();
  }

  /** Jobs a worker may claim now: queued and due, or running under an expired lease. */
  @SuppressWarnings("unchecked")
  List<String> claimable(Instant now, int limit) {
    return em.createNativeQuery(
            "SELECT id FROM export_job WHERE (state = 'queued' AND next_attempt_at <= ?1)"
                + " OR (state = 'running' AND lease_until < ?1) ORDER BY next_attempt_at")
        .setParameter(1, now.toEpochMilli())
        .setMaxResults(limit)
        .getResultList();
  }

  /** Takes the job for {@code owner} until {@code leaseUntil}; false when it is not claimable. */
  @Transactional
  public boolean claim(String exportId, String owner, Instant now, Instant leaseUntil) {
    return update(
            "UPDATE export_job SET state = 'running', lease_owner = ?1, lease_until = ?2,"
                + " attempts = attempts + 1, started_at = ?3"
                + " WHERE id = ?4 AND ((state = 'queued' AND next_attempt_at <= ?3)"
                + " OR (state = 'running' AND lease_until < ?3))",
            owner,
            leaseUntil.toEpochMilli(),
            now.toEpochMilli(),
            exportId)
        == 1;
  }

  /** Extends the lease; false when {@code owner} no longer holds it. */
  @Transactional
  public boolean renew(String exportId, String owner, Instant leaseUntil) {
    return update(
            "UPDATE export_job SET lease_until = ?1"
                + " WHERE id = ?2 AND state = 'running' AND lease_owner = ?3",
            leaseUntil.toEpochMilli(),
            exportId,
            owner)
        == 1;
  }

  /** Records the finished file and releases the deliveries. */
  @Transactional
  public boolean succeed(
      String exportId,
      String owner,
      long deviceCount,
      String fileName,
      String mediaType,
      Instant now,
      Instant expiresAt) {
    boolean done =
        update(
                "UPDATE export_job SET state = 'succeeded', device_count = ?1, file_name = ?2,"
                    + " media_type = ?3, finished_at = ?4, expires_at = ?5, lease_owner = NULL,"
                    + " lease_until = NULL, error_type = NULL, error_message = NULL"
                    + " WHERE id = ?6 AND state = 'running' AND lease_owner = ?7",
                deviceCount,
                fileName,
                mediaType,
                now.toEpochMilli(),
                expiresAt.toEpochMilli(),
                exportId,
                owner)
            == 1;
    if (done) {
      releaseDeliveries(exportId, now);
    }
    return done;
  }

  /** Puts the job back in the queue for another attempt at {@code retryAt}. */
  @Transactional
  public boolean retryLater(String exportId, String owner, ExportError error, Instant retryAt) {
    return update(
            "UPDATE export_job SET state = 'queued', next_attempt_at = ?1, error_type = ?2,"
                + " error_message = ?3, lease_owner = NULL, lease_until = NULL"
                + " WHERE id = ?4 AND state = 'running' AND lease_owner = ?5",
            retryAt.toEpochMilli(),
            error.type(),
            error.message(),
            exportId,
            owner)
        == 1;
  }

  /** Fails the job for good and releases the deliveries, which then report the failure. */
  @Transactional
  public boolean fail(String exportId, String owner, ExportError error, Instant now) {
    boolean done =
        update(
                "UPDATE export_job SET state = 'failed', finished_at = ?1, error_type = ?2,"
                    + " error_message = ?3, lease_owner = NULL, lease_until = NULL"
                    + " WHERE id = ?4 AND state = 'running' AND lease_owner = ?5",
                now.toEpochMilli(),
                error.type(),
                error.message(),
                exportId,
                owner)
            == 1;
    if (done) {
      releaseDeliveries(exportId, now);
    }
    return done;
  }

  private void releaseDeliveries(String exportId, Instant now) {
    update(
        "UPDATE export_delivery SET state = 'pending', next_attempt_at = ?1"
            + " WHERE export_id = ?2 AND state = 'waiting'",
        now.toEpochMilli(),
        exportId);
  }

  /** Deliveries a worker may claim now. */
  @SuppressWarnings("unchecked")
  List<String> claimableDeliveries(Instant now, int limit) {
    return em.createNativeQuery(
            "SELECT id FROM export_delivery WHERE state = 'pending' AND next_attempt_at <= ?1"
                + " AND (lease_until IS NULL OR lease_until < ?1) ORDER BY next_attempt_at")
        .setParameter(1, now.toEpochMilli())
        .setMaxResults(limit)
        .getResultList();
  }

  /** Takes a due delivery for one attempt; false when it is not due or someone else has it. */
  @Transactional
  public boolean claimDelivery(String deliveryId, String owner, Instant now, Instant leaseUntil) {
    return update(
            "UPDATE export_delivery SET lease_owner = ?1, lease_until = ?2,"
                + " attempts = attempts + 1 WHERE id = ?3 AND state = 'pending'"
                + " AND next_attempt_at <= ?4 AND (lease_until IS NULL OR lease_until < ?4)",
            owner,
            leaseUntil.toEpochMilli(),
            deliveryId,
            now.toEpochMilli())
        == 1;
  }

  /** The delivery as committed now (see {@link #find}). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  Optional<ExportDelivery> findDelivery(String deliveryId) {
    return Optional.ofNullable(em.find(ExportDelivery.class, deliveryId));
  }

  /** Records the outcome of a claimed delivery attempt. */
  @Transactional
  public void recordDelivery(
      String deliveryId, String owner, DeliveryState state, String error, Instant nextAttempt) {
    update(
        "UPDATE export_delivery SET state = ?1, last_error = ?2, next_attempt_at = ?3,"
            + " delivered_at = CASE WHEN ?1 = 'delivered' THEN ?3 END, lease_owner = NULL,"
            + " lease_until = NULL"
            + " WHERE id = ?4 AND lease_owner = ?5",
        state.name(),
        error,
        nextAttempt.toEpochMilli(),
        deliveryId,
        owner);
  }

  /** Finished jobs whose link has expired and whose file is still on disk. */
  @SuppressWarnings("unchecked")
  List<Object[]> expiredFiles(Instant now, int limit) {
    return em.createNativeQuery(
            "SELECT id, file_name FROM export_job WHERE file_deleted = FALSE AND expires_at < ?1")
        .setParameter(1, now.toEpochMilli())
        .setMaxResults(limit)
        .getResultList();
  }

  @Transactional
  public void markFileDeleted(String exportId) {
    update("UPDATE export_job SET file_deleted = TRUE WHERE id = ?1", exportId);
  }

  /** Runs a native UPDATE with positional parameters ?1, ?2, ... and returns the rows changed. */
  private int update(String sql, Object... parameters) {
    Query update = em.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      update.setParameter(i + 1, parameters[i]);
    }
    return update.executeUpdate();
  }
}
