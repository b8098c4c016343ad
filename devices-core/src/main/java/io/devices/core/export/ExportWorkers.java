package io.devices.core.export;

import io.devices.core.common.NodeId;
import io.devices.core.common.ShutdownGrace;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Drives export work on Jakarta Concurrency executors. A new job starts as soon as its request has
 * committed; a poll every {@code devices.export.poll-interval} picks up what that missed: jobs
 * queued for a retry, jobs whose worker died (expired lease, e.g. after a crash), deliveries due
 * for another attempt. It also deletes files whose links have expired. At most {@code
 * devices.export.workers} exports run at once on this server.
 */
@ApplicationScoped
public class ExportWorkers {
  private static final Logger LOG = Logger.getLogger(ExportWorkers.class.getName());

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  @Inject ExportJobs jobs;
  @Inject ExportClaims claims;
  @Inject ExportRunner runner;
  @Inject ExportDeliveries deliveries;
  @Inject ExportFiles files;
  @Inject ExportSettings settings;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "devices.shutdown.grace", defaultValue = "PT10S")
  Duration shutdownGrace;

  private volatile boolean stopped;
  private Semaphore slots;
  private ScheduledFuture<?> polling;
  private Instant nextCleanup = Instant.MIN;

  /** After the schema migration, which observes Startup with the default priority. */
  void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) Startup startup) {
    slots = new Semaphore(settings.workers());
    long period = settings.pollInterval().toMillis();
    polling = scheduler.scheduleWithFixedDelay(this::poll, period, period, TimeUnit.MILLISECONDS);
    LOG.info(
        () ->
            "Export workers started: "
                + settings.workers()
                + " at once, files in "
                + settings.directory());
  }

  /**
   * False once the periodic poll has ended: cancelled at shutdown, or ended by an exception (a
   * scheduled task that throws never runs again). For the liveness check.
   */
  public boolean isPolling() {
    return polling == null || !polling.isDone();
  }

  /** Starts a just-recorded job at once, rather than at the next poll. */
  void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) ExportQueued queued) {
    submit(queued.exportId());
  }

  void poll() {
    if (stopped) {
      return;
    }
    try {
      Instant now = clock.instant();
      for (String exportId : jobs.claimable(now, settings.workers())) {
        submit(exportId);
      }
      List<String> due = jobs.claimableDeliveries(now, 50);
      for (String deliveryId : due) {
        executor.execute(() -> deliveries.deliverIfDue(deliveryId));
      }
      if (now.isAfter(nextCleanup)) {
        nextCleanup = now.plus(settings.cleanupInterval());
        deleteExpiredFiles(now);
      }
    } catch (RuntimeException | Error e) {
      // Keep polling: the next round may find the database back.
      LOG.log(Level.WARNING, "Export poll failed", e);
    }
  }

  private void submit(String exportId) {
    if (stopped || slots == null || !slots.tryAcquire()) {
      return; // every slot is busy: a later poll takes it
    }
    try {
      executor.execute(
          () -> {
            try {
              if (runner.runIfClaimable(exportId) && !stopped) {
                jobs.pendingDeliveriesOf(exportId).forEach(deliveries::deliverIfDue);
              }
            } catch (RuntimeException | Error e) {
              LOG.log(Level.WARNING, "Export " + exportId + " could not run", e);
            } finally {
              slots.release();
            }
          });
    } catch (RejectedExecutionException e) {
      slots.release();
    }
  }

  private void deleteExpiredFiles(Instant now) {
    for (Object[] expired : jobs.expiredFiles(now, 100)) {
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

  /**
   * A clean stop: running exports end at their next device, the workers get {@code
   * devices.shutdown.grace} to return, then every claim of this server is given back, so that after
   * a restart (or on another server) nothing waits for a lease to expire.
   */
  @PreDestroy
  void stop() {
    stopped = true;
    runner.stop();
    if (polling != null) {
      polling.cancel(false);
    }
    ShutdownGrace.await(
        shutdownGrace, clock, () -> slots != null && slots.availablePermits() < settings.workers());
    try {
      int released = claims.releaseAllOf(NodeId.current(), clock.instant());
      LOG.info(() -> "Export workers stopped; released " + released + " running exports");
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not release this server's running exports", e);
    }
  }
}
