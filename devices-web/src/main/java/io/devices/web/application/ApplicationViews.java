package io.devices.web.application;

import io.devices.core.application.Application;
import io.devices.web.Wire;

/** Applications on the wire. */
final class ApplicationViews {
  private ApplicationViews() {}

  static io.devices.api.Application of(Application application) {
    return new io.devices.api.Application(
        application.id(),
        application.id(),
        application.name(),
        application.description(),
        application.orgId().orElse(null),
        Wire.date(application.creationDate()),
        Wire.date(application.lastUpdated()));
  }
}
