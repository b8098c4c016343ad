package io.devices.core.device;

import io.devices.core.application.Applications;
import io.devices.core.common.DomainException;
import io.devices.core.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Lists an application's devices one page at a time. */
@ApplicationScoped
public class DeviceListing {
  @Inject Applications applications;
  @Inject DeviceRepository devices;
  @Inject DevicePages pages;

  /**
   * An unfiltered list takes its total from the application's device count; a filtered one counts
   * its matches.
   *
   * @throws DomainException NOT_FOUND for an unknown application
   */
  public Page<DeviceRow> list(DeviceListRequest query) {
    return pages.list(query);
  }

  /**
   * @throws DomainException NOT_FOUND for an unknown application or device
   */
  public Device get(String applicationId, String deviceId) {
    applications.require(applicationId);
    return devices
        .find(applicationId, deviceId)
        .orElseThrow(() -> DomainException.notFound("Device"));
  }

  /**
   * The live device as its row holds it, read by plain JDBC like a page (a Get is read-only).
   *
   * @throws DomainException NOT_FOUND for an unknown application, then for an unknown device
   */
  public DeviceRow row(String applicationId, String deviceId) {
    return pages.one(applicationId, deviceId);
  }
}
