package io.devices.core.device;

import io.devices.core.application.Applications;
import io.devices.core.common.TransactionConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Opens {@link DeviceBatch}es: the bulk changes' way to change many devices in one transaction. */
@ApplicationScoped
public class DeviceBatches {
  @PersistenceContext(unitName = "devices")
  EntityManager em;

  @Inject Applications applications;
  @Inject DeviceRepository devices;
  @Inject DeviceUpdates updates;
  @Inject Event<DevicesDeleted> deletedDevices;
  @Inject Clock clock;

  /**
   * Reads and locks the live devices of the application among {@code deviceIds}, in the caller's
   * transaction.
   *
   * @throws io.devices.core.common.DomainException NOT_FOUND for an unknown application
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public DeviceBatch open(String applicationId, List<String> deviceIds) {
    applications.require(applicationId);
    return new DeviceBatch(
        this, applicationId, devices.lockLive(applicationId, deviceIds), clock.instant());
  }

  void checkAgainstFleet(Device device, DeviceDraft result) {
    updates.checkAgainstFleet(device, result);
  }

  DeviceBatchWriter writer() {
    return new DeviceBatchWriter(TransactionConnection.of(em));
  }

  /** What a delete of devices does besides their rows: the counter, and its event. */
  void deleted(String applicationId, int count, List<String> deviceIds, Instant now) {
    applications.countDevices(applicationId, -count);
    deletedDevices.fire(new DevicesDeleted(applicationId, deviceIds, now));
  }
}
