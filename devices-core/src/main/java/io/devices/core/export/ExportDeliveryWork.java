package io.devices.core.export;

import io.devices.core.work.Lease;
import io.devices.core.work.WorkKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The mail and callback deliveries of finished exports as the work engine's kind {@value #NAME}: a
 * unit is one attempt at one due delivery, retried per {@link DeliveryPolicy}.
 */
@ApplicationScoped
public class ExportDeliveryWork implements WorkKind {
  public static final String NAME = "exportDeliveries";

  /** Deliveries are network calls that mostly wait: more at once than exports. */
  private static final int WORKERS = 4;

  /** How long one attempt may take before another server may try: above every timeout. */
  private static final Duration ATTEMPT_LEASE = Duration.ofMinutes(2);

  @Inject ExportJobs jobs;
  @Inject ExportDeliveries deliveries;
  @Inject ExportClaims claims;
  @Inject ExportSettings settings;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int workers() {
    return WORKERS;
  }

  @Override
  public Duration pollInterval() {
    return settings.pollInterval();
  }

  @Override
  public Duration leaseLength() {
    return ATTEMPT_LEASE;
  }

  @Override
  public boolean runOne(Lease lease) {
    List<String> due = jobs.claimableDeliveries(lease.now(), 1);
    if (due.isEmpty()) {
      return false;
    }
    deliveries.deliverIfDue(due.get(0), lease);
    return true; // made the attempt, or another worker took it first: look again
  }

  @Override
  public int releaseAllOf(String node, Instant now) throws Exception {
    return claims.releaseDeliveriesOf(node);
  }
}
