package io.devices.web.application;

import io.devices.core.application.Application;
import io.devices.core.common.Page;
import io.devices.web.Wire;

/** Applications on the wire: one application, and one page of them. */
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

  static io.devices.api.Applications page(Page<Application> page) {
    return new io.devices.api.Applications(
        page.items().stream().map(ApplicationViews::of).toList(),
        page.items().size(),
        page.totalCount(),
        page.perPage(),
        page.page());
  }
}
