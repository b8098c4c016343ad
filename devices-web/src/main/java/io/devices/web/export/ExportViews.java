package io.devices.web.export;

import io.devices.api.ErrorBody;
import io.devices.api.ExportDeliveryStatus;
import io.devices.core.export.ExportDelivery;
import io.devices.core.export.ExportJob;
import io.devices.core.export.ExportStatus;
import io.devices.web.Wire;
import java.time.Instant;

/** Maps export jobs to their wire form. */
final class ExportViews {
  private ExportViews() {}

  static io.devices.api.ExportStatus of(ExportStatus status) {
    ExportJob job = status.job();
    return new io.devices.api.ExportStatus(
        job.id(),
        job.applicationId(),
        job.state().name(),
        job.format(),
        job.deviceCount().orElse(null),
        job.attempts(),
        job.error().map(e -> new ErrorBody(e.type(), e.message())).orElse(null),
        Wire.date(job.creationDate()),
        date(job.startedAt().orElse(null)),
        date(job.finishedAt().orElse(null)),
        date(job.expiresAt().orElse(null)),
        status.url().orElse(null),
        status.deliveries().stream().map(ExportViews::of).toList());
  }

  private static ExportDeliveryStatus of(ExportDelivery delivery) {
    return new ExportDeliveryStatus(
        delivery.channel().name(),
        delivery.target(),
        delivery.state().name(),
        delivery.attempts(),
        delivery.lastError().orElse(null),
        date(delivery.deliveredAt().orElse(null)));
  }

  private static String date(Instant instant) {
    return Wire.date(instant);
  }
}
