package io.devices.core.device;

import io.devices.core.application.Applications;
import io.devices.core.common.DomainException;
import io.devices.core.common.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * Changes and deletes single devices. Each loads the live device with its row locked, compares the
 * expected version when one is given, checks, and only then writes: so a refused change writes
 * nothing, and a {@link DomainException} leaves the caller's transaction usable (a bulk change
 * counts that device failed and goes on with the next).
 */
@ApplicationScoped
public class DeviceUpdates {
  @Inject Applications applications;
  @Inject DeviceRepository devices;
  @Inject Event<DevicesDeleted> deleted;
  @Inject Clock clock;

  /**
   * Applies the change to the device: its fields, its tag and attribute index rows and its version,
   * in one transaction. A change that alters nothing writes nothing.
   *
   * @param expectedVersion when present, the version the caller last saw
   * @throws DomainException NOT_FOUND for an unknown application or a missing, foreign or deleted
   *     device; PRECONDITION_FAILED when the device's version is not the expected one; VALIDATION
   *     when the result breaks a rule (naming the field)
   */
  @Transactional(dontRollbackOn = DomainException.class)
  public DeviceUpdated change(
      String applicationId, String deviceId, DeviceChange change, OptionalLong expectedVersion) {
    Device device = load(applicationId, deviceId, expectedVersion);
    DeviceDraft result = change.applyTo(device);
    if (!DeviceChange.alters(device, result)) {
      return new DeviceUpdated(device, false);
    }
    checkAgainstFleet(device, result);
    boolean tagsChanged = !result.tags().equals(device.tags());
    boolean attributesChanged = !result.attributes().equals(device.attributes());
    device.update(result, clock.instant());
    if (tagsChanged) {
      devices.reindexTags(device);
    }
    if (attributesChanged) {
      devices.reindexAttributes(device);
    }
    return new DeviceUpdated(device, true);
  }

  /**
   * Soft-deletes the device: it keeps its data with a deletion time, leaves the application's
   * device count, and its pending command deliveries are cancelled, in one transaction.
   *
   * @throws DomainException NOT_FOUND for an unknown application or a missing, foreign or deleted
   *     device; PRECONDITION_FAILED when the device's version is not the expected one
   */
  @Transactional(dontRollbackOn = DomainException.class)
  public void delete(String applicationId, String deviceId, OptionalLong expectedVersion) {
    Device device = load(applicationId, deviceId, expectedVersion);
    Instant now = clock.instant();
    device.markDeleted(now);
    devices.markIndexRows(device);
    applications.countDevices(applicationId, -1);
    deleted.fire(new DevicesDeleted(applicationId, List.of(deviceId), now));
  }

  private Device load(String applicationId, String deviceId, OptionalLong expectedVersion) {
    applications.require(applicationId);
    Device device =
        devices
            .findForUpdate(applicationId, deviceId)
            .orElseThrow(() -> DomainException.notFound("Device"));
    if (expectedVersion.isPresent() && expectedVersion.getAsLong() != device.version()) {
      throw new DomainException(
          ErrorCode.PRECONDITION_FAILED,
          "The device has changed since its version was read (If-Match does not match)");
    }
    return device;
  }

  /** The rules on the result that need the other devices of the application. */
  void checkAgainstFleet(Device device, DeviceDraft result) {
    String gatewayId = result.gatewayId();
    if (gatewayId != null
        && !gatewayId.equals(device.gatewayId().orElse(null))
        && (gatewayId.equals(device.id())
            || !devices.hasGateway(device.applicationId(), gatewayId))) {
      throw DomainException.validation(
          "gatewayId must name a device of class gateway in this application");
    }
    if (device.deviceClass() == DeviceClass.gateway
        && result.deviceClass() != DeviceClass.gateway
        && devices.servesPeripherals(device.applicationId(), device.id())) {
      throw DomainException.validation(
          "deviceClass must stay gateway: peripherals of this application name this device as"
              + " their gateway");
    }
  }
}
