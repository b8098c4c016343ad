package io.devices.core.export;

import io.devices.core.work.Lease;
import io.devices.core.work.WorkKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes export files whose links have expired, and partial files left by attempts that crashed or
 * were taken over, as the work engine's kind {@value #NAME}: one bounded sweep every {@code
 * devices.export.cleanup-interval}. It claims nothing: deleting a file twice is harmless.
 */
@ApplicationScoped
public class ExportFileSweep implements WorkKind {
  public static final String NAME = "exportFiles";
  private static final Logger LOG = Logger.getLogger(ExportFileSweep.class.getName());
  private static final int EXPIRED_PER_SWEEP = 100;

  @Inject ExportJobs jobs;
  @Inject ExportFiles files;
  @Inject ExportSettings settings;

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
    return settings.cleanupInterval();
  }

  /**
   * One sweep.
   *
   * @return false: the next sweep waits for the next poll
   */
  @Override
  public boolean runOne(Lease lease) {
    deleteExpiredFiles(lease.now());
    deleteAbandonedPartials();
    return false;
  }

  @Override
  public int releaseAllOf(String node, Instant now) {
    return 0;
  }

  private void deleteExpiredFiles(Instant now) {
    for (Object[] expired : jobs.expiredFiles(now, EXPIRED_PER_SWEEP)) {
      String exportId = (String) expired[0];
      String fileName = (String) expired[1];
      try {
        if (fileName != null) {
          files.delete(fileName);
        }
        jobs.markFileDeleted(exportId);
        LOG.info(() -> "Deleted the expired export file of " + exportId);
      } catch (Exception e) {
        LOG.log(Level.WARNING, "Could not delete the export file of " + exportId, e);
      }
    }
  }

  private void deleteAbandonedPartials() {
    try {
      for (ExportFiles.Partial partial : files.partials()) {
        boolean live =
            jobs.find(partial.exportId())
                .filter(job -> job.state() == JobState.running)
                .filter(job -> job.attempts() == partial.attempt())
                .isPresent();
        if (!live) {
          // Left by an attempt that crashed or was taken over.
          Files.deleteIfExists(partial.path());
          LOG.info(() -> "Deleted the abandoned partial file " + partial.path().getFileName());
        }
      }
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Could not sweep abandoned partial exports", e);
    }
  }
}
