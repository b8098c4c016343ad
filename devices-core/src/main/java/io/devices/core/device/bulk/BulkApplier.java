package io.devices.core.device.bulk;

import io.devices.core.common.DomainException;
import io.devices.core.common.ErrorCode;
import io.devices.core.device.Device;
import io.devices.core.device.DeviceChange;
import io.devices.core.device.DeviceRestorations;
import io.devices.core.device.DeviceUpdates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Applies a bulk change to devices one by one, in the caller's transaction, through the same use
 * cases as the single-device resource ({@link DeviceUpdates}, {@link DeviceRestorations}). A device
 * the change cannot apply to (it would break a rule, or it is gone) is counted failed with the
 * reason and left as it was; the others go on.
 */
@ApplicationScoped
public class BulkApplier {
  /** The refusals that fail one device; anything else fails the whole batch. */
  private static final Set<ErrorCode> DEVICE_FAILURES =
      Set.of(ErrorCode.VALIDATION, ErrorCode.NOT_FOUND, ErrorCode.PRECONDITION_FAILED);

  @PersistenceContext(unitName = "devices")
  EntityManager em;

  @Inject DeviceUpdates updates;
  @Inject DeviceRestorations restorations;

  @Transactional(Transactional.TxType.MANDATORY)
  List<DeviceOutcome> apply(String applicationId, BulkChange change, List<String> deviceIds) {
    List<DeviceOutcome> outcomes = new ArrayList<>(deviceIds.size());
    for (String deviceId : deviceIds) {
      outcomes.add(applyOne(applicationId, change, deviceId));
    }
    return outcomes;
  }

  private DeviceOutcome applyOne(String applicationId, BulkChange change, String deviceId) {
    try {
      return switch (change.action()) {
        case patch -> patch(applicationId, change, deviceId);
        case delete -> {
          updates.delete(applicationId, deviceId, OptionalLong.empty());
          yield DeviceOutcome.changed(deviceId);
        }
        case restore -> {
          restorations.restore(applicationId, deviceId);
          yield DeviceOutcome.changed(deviceId);
        }
      };
    } catch (DomainException e) {
      if (DEVICE_FAILURES.contains(e.code())) {
        return DeviceOutcome.failed(deviceId, e.getMessage());
      }
      throw e;
    }
  }

  /**
   * Locks the device, runs the operations on its fields and hands what they changed to {@link
   * DeviceUpdates}, which checks the result's rules and writes it.
   */
  private DeviceOutcome patch(String applicationId, BulkChange change, String deviceId) {
    Device device = em.find(Device.class, deviceId, LockModeType.PESSIMISTIC_WRITE);
    if (device == null || !device.applicationId().equals(applicationId) || device.isDeleted()) {
      throw DomainException.notFound("Device");
    }
    DeviceFields before = DeviceFields.of(device);
    DeviceFields after = change.applyTo(before);
    if (after.equals(before)) {
      return DeviceOutcome.skipped(deviceId);
    }
    boolean altered =
        updates
            .change(applicationId, deviceId, difference(before, after), OptionalLong.empty())
            .altered();
    return altered ? DeviceOutcome.changed(deviceId) : DeviceOutcome.skipped(deviceId);
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
