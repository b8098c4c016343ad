package io.devices.core.device.bulk;

import io.devices.core.application.Applications;
import io.devices.core.auth.Caller;
import io.devices.core.common.DomainException;
import io.devices.core.common.ObjectIds;
import io.devices.core.common.Paging;
import io.devices.core.device.SqlStatement;
import io.devices.core.export.CallbackUrls;
import io.devices.core.export.DeliveryChannel;
import io.devices.core.export.EmailAddresses;
import io.devices.core.export.ExportDelivery;
import io.devices.core.work.WorkQueued;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Bulk Patch, Delete and Restore: done within the request when the selection is small and no result
 * delivery is asked for, otherwise recorded as a durable job (with a snapshot of its targets) that
 * {@link DeviceJobWork} runs once the request has committed.
 */
@ApplicationScoped
public class BulkChanges {
  private static final Logger LOG = Logger.getLogger(BulkChanges.class.getName());

  @PersistenceContext(unitName = "devices")
  EntityManager em;

  @Inject Applications applications;
  @Inject CallbackUrls callbackUrls;
  @Inject BulkApplier applier;
  @Inject DeviceJobs jobs;
  @Inject BulkSettings settings;
  @Inject Event<WorkQueued> queued;
  @Inject Clock clock;

  /**
   * @throws DomainException VALIDATION for a bad email or callback URL; NOT_FOUND for an unknown
   *     application
   */
  @Transactional
  public BulkAnswer submit(BulkRequest request) {
    Optional<String> email = request.email().map(EmailAddresses::require);
    Optional<String> callback = request.callbackUrl().map(u -> callbackUrls.require(u).toString());
    String applicationId = applications.require(request.applicationId()).id();
    BulkChange change = request.change();
    boolean deleted = change.action() == BulkAction.restore;
    if (!request.forceJob() && email.isEmpty() && callback.isEmpty()) {
      List<String> ids = selectIds(applicationId, request, deleted);
      if (ids.size() <= settings.syncLimit()) {
        return BulkAnswer.done(BulkCounts.of(applier.apply(applicationId, change, ids)));
      }
    }
    Instant now = clock.instant();
    DeviceJob job = new DeviceJob(ObjectIds.next(now), applicationId, change, now);
    jobs.add(job);
    SqlStatement targets =
        BulkSelection.insertTargets(job.id(), applicationId, request.selection(), deleted);
    job.targeted(targets.bindTo(em.createNativeQuery(targets.sql())).executeUpdate());
    email.ifPresent(e -> em.persist(delivery(job, DeliveryChannel.email, e, now)));
    callback.ifPresent(c -> em.persist(delivery(job, DeliveryChannel.callback, c, now)));
    queued.fire(new WorkQueued(DeviceJobWork.NAME));
    LOG.info(
        () ->
            "Device job "
                + job.id()
                + " ("
                + change.action()
                + ") of application "
                + applicationId
                + " queued for "
                + job.targeted()
                + " devices");
    return BulkAnswer.queued(job.id());
  }

  @SuppressWarnings("unchecked")
  private List<String> selectIds(String applicationId, BulkRequest request, boolean deleted) {
    SqlStatement select =
        BulkSelection.ids(applicationId, request.selection(), deleted, settings.syncLimit() + 1);
    return select.bindTo(em.createNativeQuery(select.sql())).getResultList();
  }

  private static ExportDelivery delivery(
      DeviceJob job, DeliveryChannel channel, String target, Instant now) {
    return ExportDelivery.ofDeviceJob(ObjectIds.next(now), job.id(), channel, target, now);
  }

  /**
   * The job's progress and a page of its failed devices.
   *
   * @throws DomainException NOT_FOUND when the application has no such job; FORBIDDEN when the
   *     caller's scopes allow neither the job's action nor reading it
   */
  public DeviceJobStatus status(String applicationId, String jobId, Caller caller, Paging paging) {
    DeviceJob job =
        jobs.find(jobId)
            .filter(j -> j.applicationId().equals(applicationId))
            .orElseThrow(() -> DomainException.notFound("Job"));
    if (!job.action().statusReadableBy(caller.scopes())) {
      throw DomainException.forbidden(
          "The token's scopes do not allow reading a job of devices " + job.action());
    }
    BulkCounts counts = jobs.counts(jobId);
    return new DeviceJobStatus(job, counts, jobs.failures(jobId, paging, counts.failed()));
  }
}
