package io.devices.core.device.purge;

import io.devices.core.work.Lease;
import io.devices.core.work.WorkKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * The purge as the work engine's kind {@value #NAME}: every {@code devices.device.purge-interval}
 * one worker removes the devices deleted longer than {@code devices.device.retention} ago, {@value
 * #BATCH} per transaction until none is left. It holds no lease: each batch is one transaction that
 * locks its rows, so servers sharing a database never purge a device twice.
 */
@ApplicationScoped
public class DevicePurge implements WorkKind {
  public static final String NAME = "devicePurge";
  static final int BATCH = 500;
  private static final Logger LOG = Logger.getLogger(DevicePurge.class.getName());

  @Inject PurgeBatch batch;
  @Inject PurgeSettings settings;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int workers() {
    return 1;
  }

  @Override
  public Duration pollInterval() {
    return settings.interval();
  }

  @Override
  public boolean runOne(Lease lease) throws Exception {
    int purged = batch.purge(settings.cutoff(lease.now()), BATCH);
    if (purged > 0) {
      LOG.info(
          () -> "Purged " + purged + " devices deleted before " + settings.cutoff(lease.now()));
    }
    return purged == BATCH;
  }

  @Override
  public int releaseAllOf(String node, Instant now) {
    return 0; // nothing is held beyond a batch's transaction
  }
}
