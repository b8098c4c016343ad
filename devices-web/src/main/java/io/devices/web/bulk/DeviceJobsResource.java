package io.devices.web.bulk;

import io.devices.api.JobFailure;
import io.devices.api.JobStatus;
import io.devices.core.auth.Action;
import io.devices.core.common.ObjectIds;
import io.devices.core.device.bulk.BulkAction;
import io.devices.core.device.bulk.BulkChanges;
import io.devices.core.device.bulk.BulkCounts;
import io.devices.core.device.bulk.DeviceJob;
import io.devices.core.device.bulk.DeviceJobStatus;
import io.devices.web.Wire;
import io.devices.web.access.Allows;
import io.devices.web.access.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A bulk change's job: its progress and its failed devices. */
@Path("/applications/{applicationId}/devices/jobs/{jobId}")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Devices")
public class DeviceJobsResource {
  @Inject BulkChanges bulk;
  @Inject CurrentCaller caller;

  @PathParam("applicationId")
  String applicationId;

  @PathParam("jobId")
  String jobId;

  @GET
  @Allows(Action.DEVICES_JOB_STATUS)
  @Operation(
      operationId = "devicesJobStatus",
      summary =
          "Returns a bulk change's job: action, state, counts so far, times and a page of the"
              + " failed devices with the reasons",
      description =
          "A token may read a job when one of its scopes allows the job's action (devices.patch,"
              + " devices.delete or devices.restore) or is the read form of one.")
  @Parameter(name = "page", in = ParameterIn.QUERY, schema = @Schema(defaultValue = "0"))
  @Parameter(name = "perPage", in = ParameterIn.QUERY, schema = @Schema(defaultValue = "1000"))
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = JobStatus.class)))
  public JobStatus status(@QueryParam("page") String page, @QueryParam("perPage") String perPage) {
    String application = ObjectIds.require("applicationId", applicationId);
    String job = ObjectIds.require("jobId", jobId);
    return view(bulk.status(application, job, caller.get(), Wire.paging(page, perPage)));
  }

  static JobStatus view(DeviceJobStatus status) {
    DeviceJob job = status.job();
    BulkAction action = job.action();
    BulkCounts counts = status.counts();
    return new JobStatus(
        job.id(),
        job.applicationId(),
        action.name(),
        job.state().name(),
        job.targeted(),
        action == BulkAction.patch ? counts.changed() : null,
        action == BulkAction.delete ? counts.changed() : null,
        action == BulkAction.restore ? counts.changed() : null,
        counts.failed(),
        action.countsSkipped() ? counts.skipped() : null,
        counts.pending(),
        job.attempts(),
        job.error().orElse(null),
        Wire.date(job.creationDate()),
        job.startedAt().map(Wire::date).orElse(null),
        job.finishedAt().map(Wire::date).orElse(null),
        status.failures().items().stream()
            .map(f -> new JobFailure(f.deviceId(), f.reason()))
            .toList(),
        status.failures().totalCount(),
        status.failures().page(),
        status.failures().perPage());
  }
}
