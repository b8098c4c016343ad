package io.devices.web.device;

import io.devices.api.BulkResult;
import io.devices.api.JobQueued;
import io.devices.core.device.bulk.BulkAction;
import io.devices.core.device.bulk.BulkAnswer;
import io.devices.core.device.bulk.BulkCounts;
import jakarta.ws.rs.core.Response;

/** A bulk change's answer: 200 with its counts, or 202 with the job that will do it. */
final class BulkViews {
  private BulkViews() {}

  static Response of(BulkAnswer answer, BulkAction action) {
    if (answer.jobId().isPresent()) {
      return Response.status(Response.Status.ACCEPTED)
          .entity(new JobQueued(true, true, answer.jobId().get()))
          .build();
    }
    return Response.ok(result(answer.done().orElseThrow(), action)).build();
  }

  static BulkResult result(BulkCounts counts, BulkAction action) {
    return new BulkResult(
        action == BulkAction.patch ? counts.changed() : null,
        action == BulkAction.delete ? counts.changed() : null,
        action == BulkAction.restore ? counts.changed() : null,
        counts.failed(),
        action.countsSkipped() ? counts.skipped() : null);
  }
}
