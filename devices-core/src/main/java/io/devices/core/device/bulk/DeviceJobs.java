package io.devices.core.device.bulk;

import io.devices.core.common.Page;
import io.devices.core.common.Paging;
import io.devices.core.common.TransactionConnection;
import io.devices.core.export.JobState;
import io.devices.core.work.Lease;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Storage of device jobs and their targets. Every change a worker makes is a conditional update
 * that names the worker's lease, so two servers sharing a database never both run one job, and a
 * worker that lost its lease cannot overwrite the new holder's work.
 */
@ApplicationScoped
public class DeviceJobs {
  @PersistenceContext(unitName = "devices")
  EntityManager em;

  @Transactional(Transactional.TxType.MANDATORY)
  void add(DeviceJob job) {
    em.persist(job);
    em.flush(); // the job row first, then its targets and deliveries
  }

  /** The job as committed now (its own transaction, as ExportJobs.find explains). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<DeviceJob> find(String jobId) {
    return Optional.ofNullable(em.find(DeviceJob.class, jobId));
  }

  /** A job a worker may claim now: queued and due, or running under an expired lease. */
  @SuppressWarnings("unchecked")
  @Transactional
  Optional<String> claimable(Instant now) {
    List<String> ids =
        em.createNativeQuery(
                "SELECT id FROM device_job WHERE (state = 'queued' AND next_attempt_at <= ?1)"
                    + " OR (state = 'running' AND lease_until < ?1) ORDER BY next_attempt_at")
            .setParameter(1, now.toEpochMilli())
            .setMaxResults(1)
            .getResultList();
    return ids.stream().findFirst();
  }

  /** Takes the job for the lease; false when it is not claimable (any more). */
  @Transactional
  boolean claim(String jobId, Lease lease) {
    return update(
            "UPDATE device_job SET state = 'running', lease_owner = ?1, lease_until = ?2,"
                + " attempts = attempts + 1, started_at = COALESCE(started_at, ?3)"
                + " WHERE id = ?4 AND ((state = 'queued' AND next_attempt_at <= ?3)"
                + " OR (state = 'running' AND lease_until < ?3))",
            lease.owner(),
            lease.until().toEpochMilli(),
            lease.now().toEpochMilli(),
            jobId)
        == 1;
  }

  /**
   * Extends the lease, in the transaction of a batch and before its first change: the row stays
   * locked until the batch commits, so a server taking the job over waits and then finds the lease
   * valid. False when {@code owner} no longer holds it.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  boolean hold(String jobId, String owner, Instant until) {
    return update(
            "UPDATE device_job SET lease_until = ?1"
                + " WHERE id = ?2 AND state = 'running' AND lease_owner = ?3",
            until.toEpochMilli(),
            jobId,
            owner)
        == 1;
  }

  /** The next pending targets after {@code afterDeviceId}, in device id order. */
  @SuppressWarnings("unchecked")
  @Transactional(Transactional.TxType.MANDATORY)
  List<String> pending(String jobId, String afterDeviceId, int limit) {
    return em.createNativeQuery(
            // The pending index (job_id, outcome, device_id): a range over the pending rows alone.
            "SELECT device_id FROM device_job_target WHERE job_id = ?1 AND outcome = 'pending'"
                + " AND device_id > ?2 ORDER BY job_id, outcome, device_id")
        .setParameter(1, jobId)
        .setParameter(2, afterDeviceId)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Marks pending targets done with one JDBC batch, on the transaction's connection.
   *
   * @return the devices whose target was not pending (none, under the job's lease)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  List<String> recordAll(String jobId, List<DeviceOutcome> outcomes) {
    try (PreparedStatement update =
        TransactionConnection.of(em)
            .prepareStatement(
                "UPDATE device_job_target SET outcome = ?, reason = ?"
                    + " WHERE job_id = ? AND device_id = ? AND outcome = 'pending'")) {
      for (DeviceOutcome outcome : outcomes) {
        update.setString(1, outcome.outcome().name());
        if (outcome.reason() == null) {
          update.setNull(2, Types.VARCHAR);
        } else {
          update.setString(2, outcome.reason());
        }
        update.setString(3, jobId);
        update.setString(4, outcome.deviceId());
        update.addBatch();
      }
      int[] counts = update.executeBatch();
      List<String> notPending = new ArrayList<>();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == 0) { // 1, or SUCCESS_NO_INFO from drivers that do not count
          notPending.add(outcomes.get(i).deviceId());
        }
      }
      return notPending;
    } catch (SQLException e) {
      throw new IllegalStateException("Recording the outcomes of job " + jobId + " failed", e);
    }
  }

  /** Ends the job and releases its result deliveries. */
  @Transactional
  boolean finish(String jobId, String owner, JobState state, String error, Instant now) {
    boolean done =
        update(
                "UPDATE device_job SET state = ?1, error_message = ?2, finished_at = ?3,"
                    + " lease_owner = NULL, lease_until = NULL"
                    + " WHERE id = ?4 AND state = 'running' AND lease_owner = ?5",
                state.name(),
                error,
                now.toEpochMilli(),
                jobId,
                owner)
            == 1;
    if (done) {
      update(
          "UPDATE export_delivery SET state = 'pending', next_attempt_at = ?1"
              + " WHERE device_job_id = ?2 AND state = 'waiting'",
          now.toEpochMilli(),
          jobId);
    }
    return done;
  }

  /** Puts the job back in the queue for another attempt at {@code retryAt}. */
  @Transactional
  boolean retryLater(String jobId, String owner, String error, Instant retryAt) {
    return update(
            "UPDATE device_job SET state = 'queued', next_attempt_at = ?1, error_message = ?2,"
                + " lease_owner = NULL, lease_until = NULL"
                + " WHERE id = ?3 AND state = 'running' AND lease_owner = ?4",
            retryAt.toEpochMilli(),
            error,
            jobId,
            owner)
        == 1;
  }

  /** How many targets have each outcome so far. */
  @SuppressWarnings("unchecked")
  @Transactional
  public BulkCounts counts(String jobId) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT outcome, COUNT(*) FROM device_job_target WHERE job_id = ?1"
                    + " GROUP BY outcome")
            .setParameter(1, jobId)
            .getResultList();
    BulkCounts counts = BulkCounts.NONE;
    for (Object[] row : rows) {
      counts = counts.plus(TargetOutcome.valueOf((String) row[0]), ((Number) row[1]).longValue());
    }
    return counts;
  }

  /** A page of the failed targets with their reasons, in device id order. */
  @SuppressWarnings("unchecked")
  @Transactional
  public Page<DeviceOutcome> failures(String jobId, Paging paging, long failed) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT device_id, reason FROM device_job_target WHERE job_id = ?1"
                    + " AND outcome = 'failed' ORDER BY job_id, device_id")
            .setParameter(1, jobId)
            .setFirstResult((int) Math.min(Integer.MAX_VALUE, paging.offset()))
            .setMaxResults(paging.perPage())
            .getResultList();
    List<DeviceOutcome> items =
        rows.stream().map(r -> DeviceOutcome.failed((String) r[0], (String) r[1])).toList();
    return new Page<>(items, failed, paging.page(), paging.perPage());
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
