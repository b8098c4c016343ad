package io.devices.core.export;

import io.devices.core.application.Applications;
import io.devices.core.work.Lease;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outcome of finished exports, and the results of device jobs ({@link JobResults}), by
 * email and callback. Each attempt is claimed with a lease first, so only one server makes it; a
 * failed attempt is retried later per {@link DeliveryPolicy}, and one that runs out of attempts is
 * recorded as failed.
 */
@ApplicationScoped
public class ExportDeliveries {
  private static final Logger LOG = Logger.getLogger(ExportDeliveries.class.getName());
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject ExportJobs jobs;
  @Inject JobResults deviceJobResults;
  @Inject Applications applications;
  @Inject DownloadLinks links;
  @Inject ExportMailer mailer;
  @Inject CallbackClient callbacks;
  @Inject CallbackUrls callbackUrls;
  @Inject DeliveryPolicy policy;
  @Inject Clock clock;

  /**
   * Makes one attempt at a delivery, under {@code lease}, when it is due and no one else is at it.
   */
  public void deliverIfDue(String deliveryId, Lease lease) {
    String owner = lease.owner();
    if (!jobs.claimDelivery(deliveryId, owner, lease.now(), lease.until())) {
      return;
    }
    ExportDelivery delivery = jobs.findDelivery(deliveryId).orElseThrow();
    String jobId = delivery.deviceJobId().orElse(delivery.exportId());
    try {
      DeliveredResult result = result(delivery);
      switch (delivery.channel()) {
        case email -> mailer.send(delivery.target(), result.subject(), result.text());
        case callback -> {
          URI url = callbackUrls.require(delivery.target());
          callbacks.post(url, result.callbackJson());
        }
      }
      jobs.recordDelivery(deliveryId, owner, DeliveryState.delivered, null, clock.instant());
      LOG.info(() -> "Delivered the result of " + jobId + " by " + delivery.channel());
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      String error = ExportError.of("DeliveryFailed", e).message();
      Instant now = clock.instant();
      Optional<Instant> later =
          policy.retries(delivery.channel()).retryAt(delivery.attempts(), now);
      LOG.log(
          Level.WARNING,
          "Delivery of the result of "
              + jobId
              + " by "
              + delivery.channel()
              + " failed (attempt "
              + delivery.attempts()
              + (later.isEmpty() ? ", giving up): " : "): ")
              + error);
      jobs.recordDelivery(
          deliveryId,
          owner,
          later.isEmpty() ? DeliveryState.failed : DeliveryState.pending,
          error,
          later.orElse(now));
    }
  }

  private DeliveredResult result(ExportDelivery delivery) {
    if (delivery.deviceJobId().isPresent()) {
      return deviceJobResults.resultOf(delivery.deviceJobId().get()).orElseThrow();
    }
    ExportJob job = jobs.find(delivery.exportId()).orElseThrow();
    ExportMailer.Outcome outcome = outcome(job);
    return new DeliveredResult(
        ExportMailer.subject(outcome), ExportMailer.body(outcome), callbackJson(job));
  }

  private ExportMailer.Outcome outcome(ExportJob job) {
    String applicationName = applications.require(job.applicationId()).name();
    boolean succeeded = job.state() == JobState.succeeded;
    return new ExportMailer.Outcome(
        applicationName,
        job.id(),
        job.format(),
        job.deviceCount().orElse(0L),
        succeeded ? links.url(job.baseUrl(), job.id()) : null,
        job.expiresAt().orElse(null),
        succeeded ? null : job.error().orElse(new ExportError("ExportFailed", "Unknown error")));
  }

  /** The callback body: success with the link, or failure with the error. */
  String callbackJson(ExportJob job) {
    JsonObjectBuilder body =
        JSON.createObjectBuilder()
            .add("success", job.state() == JobState.succeeded)
            .add("applicationId", job.applicationId())
            .add("exportId", job.id());
    if (job.state() == JobState.succeeded) {
      body.add("format", job.format())
          .add("deviceCount", job.deviceCount().orElse(0L))
          .add("url", links.url(job.baseUrl(), job.id()));
    } else {
      ExportError error = job.error().orElse(new ExportError("ExportFailed", "Unknown error"));
      body.add(
          "error",
          JSON.createObjectBuilder().add("type", error.type()).add("message", error.message()));
    }
    return body.build().toString();
  }
}
