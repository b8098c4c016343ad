package io.devices.core.device.bulk;

import io.devices.core.export.ExportDeliveryWork;
import io.devices.core.export.JobState;
import io.devices.core.work.Lease;
import io.devices.core.work.LeasedJobs;
import io.devices.core.work.WorkKind;
import io.devices.core.work.WorkQueued;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs device jobs on the work engine: claims a due job (queued, or running under an expired lease:
 * its server died), works through its pending targets batch by batch ({@link DeviceJobBatches}),
 * then ends it and delivers its result. A batch that throws puts the job back for a retry per the
 * {@link BulkSettings#backoff}; out of attempts, the job fails (its result says so).
 */
@ApplicationScoped
public class DeviceJobWork implements WorkKind {
  public static final String NAME = "deviceJobs";
  private static final Logger LOG = Logger.getLogger(DeviceJobWork.class.getName());

  @Inject DeviceJobs jobs;
  @Inject DeviceJobBatches batches;
  @Inject LeasedJobs leasedJobs;
  @Inject Event<WorkQueued> queued;
  @Inject BulkSettings settings;
  @Inject Clock clock;

  private volatile boolean stopping;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int workers() {
    return settings.workers();
  }

  @Override
  public Duration pollInterval() {
    return settings.pollInterval();
  }

  @Override
  public Duration leaseLength() {
    return settings.lease();
  }

  @Override
  public boolean runOne(Lease lease) {
    Optional<String> due = jobs.claimable(lease.now());
    if (due.isEmpty() || stopping) {
      return false;
    }
    if (jobs.claim(due.get(), lease)) {
      run(jobs.find(due.get()).orElseThrow(), lease.owner());
    }
    return true;
  }

  private void run(DeviceJob job, String owner) {
    String after = "";
    try {
      BulkChange change = job.change();
      while (!stopping) {
        Instant until = clock.instant().plus(settings.lease());
        DeviceJobBatches.Batch batch =
            batches.runNext(job, change, owner, until, after, settings.batchSize());
        if (batch.leaseLost()) {
          LOG.warning(() -> "Device job " + job.id() + " was taken over by another worker");
          return;
        }
        if (batch.lastDeviceId().isEmpty()) {
          finish(job, owner, JobState.succeeded, null);
          return;
        }
        after = batch.lastDeviceId().get();
      }
      // A clean stop: the claim is given back by releaseAllOf, and the job resumes where it was.
    } catch (RuntimeException e) {
      retryOrFail(job, owner, e);
    }
  }

  private void retryOrFail(DeviceJob job, String owner, RuntimeException e) {
    String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String bounded = error.length() > 2000 ? error.substring(0, 2000) : error;
    int attempts = jobs.find(job.id()).map(DeviceJob::attempts).orElse(1);
    Optional<Instant> retryAt = settings.backoff().retryAt(attempts, clock.instant());
    LOG.log(
        Level.WARNING,
        "Device job "
            + job.id()
            + " failed (attempt "
            + attempts
            + ")"
            + (retryAt.isPresent() ? "; retrying at " + retryAt.get() : "; giving up"),
        e);
    if (retryAt.isPresent()) {
      jobs.retryLater(job.id(), owner, bounded, retryAt.get());
    } else {
      finish(job, owner, JobState.failed, bounded);
    }
  }

  private void finish(DeviceJob job, String owner, JobState state, String error) {
    if (jobs.finish(job.id(), owner, state, error, clock.instant())) {
      LOG.info(() -> "Device job " + job.id() + " " + state);
      // Its deliveries are due now (no transaction here: the observers hear it at once).
      queued.fire(new WorkQueued(ExportDeliveryWork.NAME));
    }
  }

  @Override
  public int releaseAllOf(String node, Instant now) throws Exception {
    return leasedJobs.requeueRunning("device_job", node, now);
  }

  @Override
  public void stopping() {
    stopping = true;
  }
}
