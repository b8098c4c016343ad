package io.devices.core.device;

import io.devices.core.common.DomainException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes and deletes of many devices of one application, in the caller's transaction, with the
 * statements of a batch rather than of each device: {@link DeviceBatches#open} reads and locks the
 * live devices with one select; each change is checked as {@link DeviceUpdates} checks one and
 * staged; {@link #write} sends what is staged as JDBC batches. A change of a class or gateway is
 * written at once, so that the fleet rules of the devices after it see it, as they would one by
 * one. Each device is changed at most once per batch (its fields are those read at the start).
 */
public final class DeviceBatch {
  private final DeviceBatches batches;
  private final String applicationId;
  private final Map<String, Device> live;
  private final Instant now;
  private final List<DeviceBatchWriter.Change> changes = new ArrayList<>();
  private final List<String> deletes = new ArrayList<>();

  DeviceBatch(DeviceBatches batches, String applicationId, Map<String, Device> live, Instant now) {
    this.batches = batches;
    this.applicationId = applicationId;
    this.live = live;
    this.now = now;
  }

  /** The device as read (and locked) when the batch opened, while it is live and not deleted. */
  public Optional<Device> live(String deviceId) {
    return Optional.ofNullable(live.get(deviceId));
  }

  /**
   * Checks the change of the device and stages it.
   *
   * @return false when the change alters nothing (nothing is written for the device)
   * @throws DomainException VALIDATION, naming the field, when the result breaks a rule; the batch
   *     stays usable
   */
  public boolean change(Device device, DeviceChange change) {
    DeviceDraft result = change.applyTo(device);
    if (!DeviceChange.alters(device, result)) {
      return false;
    }
    batches.checkAgainstFleet(device, result);
    changes.add(new DeviceBatchWriter.Change(device, result));
    if (result.deviceClass() != device.deviceClass()
        || !Objects.equals(result.gatewayId(), device.gatewayId().orElse(null))) {
      write();
    }
    return true;
  }

  /** Stages the soft delete of the device. */
  public void delete(Device device) {
    deletes.add(device.id());
  }

  /** Writes what is staged: the changed rows, then the deletes, the counter and their event. */
  public void write() {
    try {
      DeviceBatchWriter writer = batches.writer();
      if (!changes.isEmpty()) {
        writer.update(changes, now);
        changes.clear();
      }
      if (!deletes.isEmpty()) {
        int deleted = writer.markDeleted(deletes, now);
        batches.deleted(applicationId, deleted, List.copyOf(deletes), now);
        deletes.clear();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Writing a batch of device changes failed", e);
    }
  }
}
