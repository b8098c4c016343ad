package io.devices.core.device.bulk;

import io.devices.core.common.DomainException;
import io.devices.core.common.ErrorCode;
import io.devices.core.device.Device;
import io.devices.core.device.DeviceBatch;
import io.devices.core.device.DeviceBatches;
import io.devices.core.device.DeviceChange;
import io.devices.core.device.DeviceRestorations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Applies a bulk change to a batch of devices in the caller's transaction. Patches and deletes go
 * through a {@link DeviceBatch} (one select that locks the batch's devices, the same checks as the
 * single-device resource, JDBC batches for the writes); restores one by one through {@link
 * DeviceRestorations}. A device the change cannot apply to (it would break a rule, or it is gone)
 * is counted failed with the reason and left as it was; the others go on.
 */
@ApplicationScoped
public class BulkApplier {
  /** The refusals that fail one device; anything else fails the whole batch. */
  private static final Set<ErrorCode> DEVICE_FAILURES =
      Set.of(ErrorCode.VALIDATION, ErrorCode.NOT_FOUND, ErrorCode.PRECONDITION_FAILED);

  private static final String NOT_FOUND = DomainException.notFound("Device").getMessage();

  @Inject DeviceBatches batches;
  @Inject DeviceRestorations restorations;

  @Transactional(Transactional.TxType.MANDATORY)
  List<DeviceOutcome> apply(String applicationId, BulkChange change, List<String> deviceIds) {
    List<DeviceOutcome> outcomes = new ArrayList<>(deviceIds.size());
    if (change.action() == BulkAction.restore) {
      for (String deviceId : deviceIds) {
        outcomes.add(refusable(deviceId, () -> restore(applicationId, deviceId)));
      }
      return outcomes;
    }
    DeviceBatch batch = batches.open(applicationId, deviceIds);
    for (String deviceId : deviceIds) {
      Optional<Device> device = batch.live(deviceId);
      outcomes.add(
          device.isEmpty()
              ? DeviceOutcome.failed(deviceId, NOT_FOUND)
              : refusable(deviceId, () -> applyOne(batch, change, device.get())));
    }
    batch.write();
    return outcomes;
  }

  private static DeviceOutcome applyOne(DeviceBatch batch, BulkChange change, Device device) {
    if (change.action() == BulkAction.delete) {
      batch.delete(device);
      return DeviceOutcome.changed(device.id());
    }
    DeviceFields before = DeviceFields.of(device);
    DeviceFields after = change.applyTo(before);
    if (after.equals(before) || !batch.change(device, difference(before, after))) {
      return DeviceOutcome.skipped(device.id());
    }
    return DeviceOutcome.changed(device.id());
  }

  private DeviceOutcome restore(String applicationId, String deviceId) {
    restorations.restore(applicationId, deviceId);
    return DeviceOutcome.changed(deviceId);
  }

  /** The outcome, or the device failed with the reason of a refusal that fails one device. */
  private static DeviceOutcome refusable(String deviceId, Supplier<DeviceOutcome> outcome) {
    try {
      return outcome.get();
    } catch (DomainException e) {
      if (DEVICE_FAILURES.contains(e.code())) {
        return DeviceOutcome.failed(deviceId, e.getMessage());
      }
      throw e;
    }
  }

  /** The fields that differ, as a Device Patch: the gateway only when it changed. */
  static DeviceChange difference(DeviceFields before, DeviceFields after) {
    DeviceChange change = DeviceChange.none();
    if (!after.name().equals(before.name())) {
      change = change.name(after.name());
    }
    if (!after.description().equals(before.description())) {
      change = change.description(after.description());
    }
    if (!after.tags().equals(before.tags())) {
      change = change.tags(after.tags());
    }
    if (!after.attributes().equals(before.attributes())) {
      change = change.attributes(after.attributes());
    }
    if (after.deviceClass() != before.deviceClass()) {
      change = change.deviceClass(after.deviceClass());
    }
    if (!Objects.equals(after.gatewayId(), before.gatewayId())) {
      change = change.gatewayId(after.gatewayId().orElse(null));
    }
    return change;
  }
}
