package io.devices.core.export;

import io.devices.core.work.Lease;
import io.devices.core.work.LeasedJobs;
import io.devices.core.work.WorkKind;
import io.devices.core.work.WorkQueued;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Export jobs as the work engine's kind {@value #NAME}: a unit is one attempt at one job that is
 * queued and due, or running under an expired lease (its server crashed). At most {@code
 * devices.export.workers} run at once on a server; the lease is {@code devices.export.lease},
 * renewed as the file is written.
 */
@ApplicationScoped
public class ExportWork implements WorkKind {
  public static final String NAME = "exports";

  @Inject ExportJobs jobs;
  @Inject ExportRunner runner;
  @Inject LeasedJobs leasedJobs;
  @Inject ExportSettings settings;
  @Inject Event<WorkQueued> queued;

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
    List<String> due = jobs.claimable(lease.now(), 1);
    if (due.isEmpty()) {
      return false;
    }
    if (runner.runIfClaimable(due.get(0), lease)) {
      // Its deliveries are due now (no transaction here: the observers hear it at once).
      queued.fire(new WorkQueued(ExportDeliveryWork.NAME));
    }
    return true; // ran it, or another worker took it first: look again
  }

  @Override
  public void stopping() {
    runner.stop();
  }

  /** Running jobs go back to the queue, due at once, without counting the interrupted attempt. */
  @Override
  public int releaseAllOf(String node, Instant now) throws Exception {
    return leasedJobs.requeueRunning("export_job", node, now);
  }
}
