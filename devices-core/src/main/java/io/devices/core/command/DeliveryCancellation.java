package io.devices.core.command;

import io.devices.core.device.DevicesDeleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Cancels the pending deliveries of deleted devices, in the transaction that deletes them (a
 * synchronous observer runs in it). A delivery a worker has claimed is cancelled too; its lease is
 * left alone, and the worker checks the devices again right before it sends ({@link
 * CommandOutbox#withoutDeletedDevices}).
 */
@ApplicationScoped
public class DeliveryCancellation {
  @PersistenceContext(unitName = "devices")
  EntityManager em;

  void cancel(@Observes DevicesDeleted deleted) {
    if (!hasUnexpiredCommands(deleted)) {
      return; // nothing can be pending: a bulk delete of 50,000 devices skips 50,000 updates
    }
    // By primary key (command_id, device_id), through the application's unexpired commands: the
    // delivery table has no index by device (see V7).
    var update =
        em.createNativeQuery(
            "UPDATE command_delivery SET state = ?1, last_error = ?2"
                + " WHERE device_id = ?3 AND state = 'pending' AND command_id IN"
                + " (SELECT c.id FROM device_command c WHERE c.application_id = ?4"
                + " AND c.expires_at > ?5)");
    update.setParameter(1, DeliveryState.cancelled.name());
    update.setParameter(2, CommandOutbox.DEVICE_DELETED);
    update.setParameter(4, deleted.applicationId());
    update.setParameter(5, deleted.at().toEpochMilli());
    for (String deviceId : deleted.deviceIds()) {
      update.setParameter(3, deviceId).executeUpdate();
    }
  }

  private boolean hasUnexpiredCommands(DevicesDeleted deleted) {
    return !em.createNativeQuery(
            "SELECT c.id FROM device_command c WHERE c.application_id = ?1 AND c.expires_at > ?2")
        .setParameter(1, deleted.applicationId())
        .setParameter(2, deleted.at().toEpochMilli())
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}
