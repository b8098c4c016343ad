package io.devices.core.device.bulk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One batch of a device job, in one transaction: extend the lease (which locks the job row until
 * the commit), change the next pending targets and mark their rows. A crash before the commit
 * leaves the whole batch pending; after it, the whole batch is done: so a resumed job changes no
 * device twice and skips none.
 */
@ApplicationScoped
public class DeviceJobBatches {
  @Inject DeviceJobs jobs;
  @Inject BulkApplier applier;

  /** What one batch did. */
  record Batch(boolean leaseLost, Optional<String> lastDeviceId) {
    static final Batch LOST = new Batch(true, Optional.empty());
    static final Batch NONE_LEFT = new Batch(false, Optional.empty());
  }

  /**
   * @param after the last device id of the previous batch ("" at the start): the targets are walked
   *     in id order
   */
  @Transactional
  Batch runNext(
      DeviceJob job, BulkChange change, String owner, Instant leaseUntil, String after, int size) {
    if (!jobs.hold(job.id(), owner, leaseUntil)) {
      return Batch.LOST;
    }
    List<String> deviceIds = jobs.pending(job.id(), after, size);
    if (deviceIds.isEmpty()) {
      return Batch.NONE_LEFT;
    }
    List<DeviceOutcome> outcomes = applier.apply(job.applicationId(), change, deviceIds);
    List<String> notPending = jobs.recordAll(job.id(), outcomes);
    if (!notPending.isEmpty()) {
      // Only the lease holder marks targets, and it holds the job row: this cannot happen.
      throw new IllegalStateException(
          "Targets " + notPending + " of job " + job.id() + " were no longer pending");
    }
    return new Batch(false, Optional.of(deviceIds.get(deviceIds.size() - 1)));
  }
}
