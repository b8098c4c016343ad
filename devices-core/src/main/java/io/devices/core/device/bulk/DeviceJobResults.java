package io.devices.core.device.bulk;

import io.devices.core.application.Applications;
import io.devices.core.export.DeliveredResult;
import io.devices.core.export.JobResults;
import io.devices.core.export.JobState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.Optional;

/**
 * The result of a finished device job as its email and callback report it: {@code {success,
 * applicationId, jobId, action, updated|removed|restored, failed, skipped?}}.
 */
@ApplicationScoped
public class DeviceJobResults implements JobResults {
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject DeviceJobs jobs;
  @Inject Applications applications;

  @Override
  public Optional<DeliveredResult> resultOf(String deviceJobId) {
    return jobs.find(deviceJobId).map(job -> result(job, jobs.counts(deviceJobId)));
  }

  DeliveredResult result(DeviceJob job, BulkCounts counts) {
    String applicationName = applications.require(job.applicationId()).name();
    return new DeliveredResult(
        subject(job, applicationName),
        text(job, applicationName, counts),
        callbackJson(job, counts));
  }

  static String callbackJson(DeviceJob job, BulkCounts counts) {
    BulkAction action = job.action();
    JsonObjectBuilder body =
        JSON.createObjectBuilder()
            .add("success", job.state() == JobState.succeeded)
            .add("applicationId", job.applicationId())
            .add("jobId", job.id())
            .add("action", action.name())
            .add(action.changedKey(), counts.changed())
            .add("failed", counts.failed());
    if (action.countsSkipped()) {
      body.add("skipped", counts.skipped());
    }
    job.error().ifPresent(e -> body.add("error", e));
    return body.build().toString();
  }

  private static String subject(DeviceJob job, String applicationName) {
    return "Bulk "
        + job.action()
        + " of the devices of "
        + applicationName
        + (job.state() == JobState.succeeded ? " is done" : " failed");
  }

  private static String text(DeviceJob job, String applicationName, BulkCounts counts) {
    BulkAction action = job.action();
    StringBuilder text =
        new StringBuilder("The bulk ")
            .append(action)
            .append(" ")
            .append(job.id())
            .append(" of the devices of the application \"")
            .append(applicationName)
            .append(job.state() == JobState.succeeded ? "\" is done: " : "\" failed: ")
            .append(counts.changed())
            .append(' ')
            .append(action.changedKey())
            .append(", ")
            .append(counts.failed())
            .append(" failed");
    if (action.countsSkipped()) {
      text.append(", ").append(counts.skipped()).append(" skipped");
    }
    job.error().ifPresent(e -> text.append(". ").append(e));
    return text.append(".\r\n\r\nThe failed devices and why are listed by GET /applications/")
        .append(job.applicationId())
        .append("/devices/jobs/")
        .append(job.id())
        .append("\r\n")
        .toString();
  }
}
