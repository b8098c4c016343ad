package io.devices.core.export;

import io.devices.core.application.Application;
import io.devices.core.application.Applications;
import io.devices.core.auth.Caller;
import io.devices.core.common.DomainException;
import io.devices.core.common.ObjectIds;
import io.devices.core.device.query.QueryReader;
import io.devices.core.work.WorkQueued;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/** Accepts export requests and reports on them. */
@ApplicationScoped
public class ExportRequests {
  private static final Logger LOG = Logger.getLogger(ExportRequests.class.getName());

  @Inject Applications applications;
  @Inject ExportFormats formats;
  @Inject CallbackUrls callbackUrls;
  @Inject ExportJobs jobs;
  @Inject DownloadLinks links;
  @Inject ExportSettings settings;
  @Inject Event<WorkQueued> queued;
  @Inject Clock clock;

  /**
   * Validates the request and records the job and its deliveries in one transaction; the export
   * itself runs in the background once that has committed.
   *
   * @return the new job
   * @throws DomainException VALIDATION for a bad email, callback URL or format, or when there is
   *     nowhere to deliver; NOT_FOUND for an unknown application
   */
  @Transactional
  public ExportJob submit(ExportRequest request, Caller caller) {
    Optional<String> email = request.email().map(EmailAddresses::require);
    Optional<String> callback = request.callbackUrl().map(u -> callbackUrls.require(u).toString());
    String format = formats.require(request.format().orElse(ExportFormats.DEFAULT)).id();
    // Read now for its 400; stored as given, and read again by the worker with the same rules.
    Optional<String> query =
        request
            .query()
            .filter(q -> !QueryReader.read(q, "query").isEverything())
            .map(JsonValue::toString);
    if (email.isEmpty() && callback.isEmpty()) {
      email =
          Optional.ofNullable(caller.email())
              .filter(e -> !e.isBlank())
              .map(EmailAddresses::require);
    }
    if (email.isEmpty() && callback.isEmpty()) {
      throw DomainException.validation(
          "Give an email or a callbackUrl: the token has no user email to send the export to");
    }
    Application application = applications.require(request.applicationId());
    Instant now = clock.instant();
    String baseUrl = settings.publicUrl().orElse(request.baseUrl().replaceAll("/+$", ""));
    ExportJob job =
        new ExportJob(
            ObjectIds.next(now), application.id(), format, query.orElse(null), baseUrl, now);
    List<ExportDelivery> deliveries = new ArrayList<>();
    email.ifPresent(
        e ->
            deliveries.add(
                new ExportDelivery(ObjectIds.next(now), job.id(), DeliveryChannel.email, e, now)));
    callback.ifPresent(
        c ->
            deliveries.add(
                new ExportDelivery(
                    ObjectIds.next(now), job.id(), DeliveryChannel.callback, c, now)));
    jobs.add(job, deliveries);
    queued.fire(new WorkQueued(ExportWork.NAME));
    // The channels, not the addresses: no personal data in the log. A request's log records carry
    // its request id, which ties this job id to the HTTP request.
    LOG.info(
        () ->
            "Export "
                + job.id()
                + " of application "
                + application.id()
                + " queued as "
                + format
                + " for delivery by "
                + deliveries.stream().map(d -> d.channel().name()).toList());
    return job;
  }

  /**
   * @throws DomainException NOT_FOUND when the application has no such export
   */
  public ExportStatus status(String applicationId, String exportId) {
    ExportJob job =
        jobs.find(exportId)
            .filter(j -> j.applicationId().equals(applicationId))
            .orElseThrow(() -> DomainException.notFound("Export"));
    Optional<String> url =
        job.downloadableAt(clock.instant())
            ? Optional.of(links.url(job.baseUrl(), job.id()))
            : Optional.empty();
    return new ExportStatus(job, jobs.deliveriesOf(exportId), url);
  }
}
