package io.devices.core.device;

import io.devices.core.application.Application;
import io.devices.core.application.Applications;
import io.devices.core.common.DomainException;
import io.devices.core.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Lists an application's devices one page at a time. */
@ApplicationScoped
public class DeviceListing {
  @Inject Applications applications;
  @Inject DeviceRepository devices;

  /**
   * An unfiltered list takes its total from the application's device count; a filtered one counts
   * its matches. A page past the end costs no device query.
   */
  public Page<Device> list(DeviceListRequest query) {
    Application application = applications.require(query.applicationId());
    long total = query.isFiltered() ? devices.count(query) : application.deviceCount();
    List<Device> items =
        query.paging().offset() >= total
            ? List.of()
            : devices.find(query, total, application.deviceCount());
    return new Page<>(items, total, query.paging().page(), query.paging().perPage());
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
}
