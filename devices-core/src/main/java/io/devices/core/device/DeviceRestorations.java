package io.devices.core.device;

import io.devices.core.application.Applications;
import io.devices.core.common.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Brings soft-deleted devices back: the device and its index rows are live again and count in the
 * application's devices once more, in one transaction. Deliveries cancelled by the delete stay
 * cancelled.
 */
@ApplicationScoped
public class DeviceRestorations {
  @PersistenceContext(unitName = "devices")
  EntityManager em;

  @Inject Applications applications;
  @Inject DeviceRepository devices;
  @Inject Clock clock;

  /**
   * @throws DomainException NOT_FOUND when the application has no such deleted device (a refusal
   *     that leaves the caller's transaction usable)
   */
  @Transactional(dontRollbackOn = DomainException.class)
  public void restore(String applicationId, String deviceId) {
    Device device = em.find(Device.class, deviceId, LockModeType.PESSIMISTIC_WRITE);
    if (device == null || !device.applicationId().equals(applicationId) || !device.isDeleted()) {
      throw DomainException.notFound("Deleted device");
    }
    device.markRestored(clock.instant());
    devices.markIndexRows(device);
    applications.countDevices(applicationId, 1);
  }
}
