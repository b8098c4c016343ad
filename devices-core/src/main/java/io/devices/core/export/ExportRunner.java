package io.devices.core.export;

import io.devices.core.application.Applications;
import io.devices.core.work.Lease;
import io.devices.spi.export.ExportContext;
import io.devices.spi.export.ExportFormat;
import io.devices.spi.export.ExportWriter;
import io.devices.spi.export.ExportedDevice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one claimed export attempt: streams the application's devices through the format into a
 * temporary file, publishes it, and records the outcome. Failures are retried per {@link
 * ExportSettings#retries()}; after the last attempt the job fails and its deliveries report that.
 */
@ApplicationScoped
public class ExportRunner {
  private static final Logger LOG = Logger.getLogger(ExportRunner.class.getName());

  @Inject ExportJobs jobs;
  @Inject ExportFormats formats;
  @Inject ExportFiles files;
  @Inject DeviceChunks devices;
  @Inject Applications applications;
  @Inject ExportSettings settings;
  @Inject Clock clock;

  private volatile boolean stopping;

  /** Thrown when another worker took over the job: this attempt stops without a word. */
  private static final class LeaseLost extends Exception {
    private static final long serialVersionUID = 1L;

    LeaseLost() {
      super(null, null, false, false);
    }
  }

  /** Thrown when the server stops: the attempt ends, and its job is released by the workers. */
  private static final class Stopping extends Exception {
    private static final long serialVersionUID = 1L;

    Stopping() {
      super(null, null, false, false);
    }
  }

  /** Running attempts end at their next device; nothing new starts. */
  void stop() {
    stopping = true;
  }

  /**
   * Claims the job under {@code lease} and runs it when it is claimable.
   *
   * @return whether this worker ran the job
   */
  public boolean runIfClaimable(String exportId, Lease lease) {
    if (stopping) {
      return false;
    }
    String owner = lease.owner();
    Instant now = lease.now();
    if (!jobs.claim(exportId, owner, now, lease.until())) {
      return false;
    }
    ExportJob job = jobs.find(exportId).orElseThrow();
    if (job.attempts() > settings.maxAttempts()) {
      // It crashed its servers too often: do not try again.
      jobs.fail(
          exportId,
          owner,
          new ExportError(
              "ExportFailed", "The export was interrupted " + settings.maxAttempts() + " times"),
          now);
      return true;
    }
    run(job, owner);
    return true;
  }

  private void run(ExportJob job, String owner) {
    try {
      ExportFormat format =
          formats
              .find(job.format())
              .orElseThrow(
                  () -> new PermanentFailure("The format " + job.format() + " is not installed"));
      long count = write(job, format, owner);
      Instant now = clock.instant();
      jobs.succeed(
          job.id(),
          owner,
          count,
          ExportFiles.fileName(job.id(), format.fileExtension()),
          format.mediaType(),
          now,
          now.plus(settings.linkLifetime()));
      LOG.info(() -> "Export " + job.id() + " wrote " + count + " devices");
    } catch (Stopping e) {
      LOG.info(() -> "Export " + job.id() + " interrupted by the server's stop");
    } catch (LeaseLost e) {
      LOG.warning(() -> "Export " + job.id() + " was taken over by another worker");
    } catch (PermanentFailure e) {
      jobs.fail(job.id(), owner, ExportError.of("ExportFailed", e), clock.instant());
    } catch (Exception | LinkageError e) {
      LOG.log(Level.WARNING, "Export " + job.id() + " attempt " + job.attempts() + " failed", e);
      ExportError error = ExportError.of("ExportFailed", e);
      Instant now = clock.instant();
      settings
          .retries()
          .retryAt(job.attempts(), now)
          .ifPresentOrElse(
              later -> jobs.retryLater(job.id(), owner, error, later),
              () -> jobs.fail(job.id(), owner, error, now));
    }
  }

  private long write(ExportJob job, ExportFormat format, String owner) throws Exception {
    String applicationName = applications.require(job.applicationId()).name();
    Claim claim = new Claim(job.id(), owner);
    try (ExportFiles.Draft draft =
        files.draft(ExportFiles.fileName(job.id(), format.fileExtension()), job.attempts())) {
      ExportWriter writer = format.open(draft.out());
      writer.begin(
          new ExportContext(job.id(), job.applicationId(), applicationName, clock.instant()));
      long count =
          devices.forEach(
              job.applicationId(),
              job.devices(),
              settings.chunkSize(),
              chunk -> {
                for (ExportedDevice device : chunk) {
                  if (stopping) {
                    throw new Stopping();
                  }
                  writer.device(device);
                  // Per device, not per chunk: a slow format may take longer than a lease per
                  // chunk.
                  claim.renewIfDue();
                }
              });
      writer.end();
      claim.renew();
      draft.publish();
      return count;
    }
  }

  /** Keeps this worker's claim alive while it works: renewed when half of it has passed. */
  private final class Claim {
    private final String exportId;
    private final String owner;
    private Instant renewAt;

    Claim(String exportId, String owner) {
      this.exportId = exportId;
      this.owner = owner;
      this.renewAt = clock.instant().plus(settings.lease().dividedBy(2));
    }

    void renewIfDue() throws LeaseLost {
      if (clock.instant().isAfter(renewAt)) {
        renew();
      }
    }

    void renew() throws LeaseLost {
      Instant now = clock.instant();
      if (!jobs.renew(exportId, owner, now.plus(settings.lease()))) {
        throw new LeaseLost();
      }
      renewAt = now.plus(settings.lease().dividedBy(2));
    }
  }

  /** A failure that another attempt cannot fix. */
  private static final class PermanentFailure extends Exception {
    private static final long serialVersionUID = 1L;

    PermanentFailure(String message) {
      super(message);
    }
  }
}
