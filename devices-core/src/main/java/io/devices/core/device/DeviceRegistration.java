package io.devices.core.device;

import io.devices.core.application.Applications;
import io.devices.core.common.DomainException;
import io.devices.core.common.ObjectIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** Registers new devices in an application. */
@ApplicationScoped
public class DeviceRegistration {
  @Inject Applications applications;
  @Inject DeviceRepository devices;
  @Inject Clock clock;

  /**
   * @throws DomainException NOT_FOUND for an unknown application; VALIDATION when the gateway of a
   *     peripheral is not a gateway device of the same application
   */
  @Transactional
  public Device register(String applicationId, DeviceDraft draft) {
    applications.require(applicationId);
    if (draft.gatewayId() != null && !devices.hasGateway(applicationId, draft.gatewayId())) {
      throw DomainException.validation(
          "gatewayId must name a device of class gateway in this application");
    }
    Instant now = clock.instant();
    Device device = new Device(ObjectIds.next(now), applicationId, draft, now);
    devices.add(device);
    applications.countNewDevice(applicationId);
    return device;
  }
}
