package io.devices.core.device;

import io.devices.core.common.ObjectIds;
import java.time.Instant;
import java.util.List;

/** Devices for tests outside this package, built the way registration builds them. */
public final class TestDevices {
  private TestDevices() {}

  public static Device withTags(String name, List<Tag> tags) {
    return of(
        ObjectIds.next(Instant.EPOCH),
        "575ec8687ae143cd83dc4a98",
        new DeviceDraft(name, null, tags, List.of(), null, null),
        Instant.EPOCH);
  }

  public static Device of(String id, String applicationId, DeviceDraft draft, Instant created) {
    return new Device(id, applicationId, draft, created);
  }

  /** The device, soft-deleted at {@code at} as the delete use case does it. */
  public static Device deleted(Device device, Instant at) {
    device.markDeleted(at);
    return device;
  }

  /**
   * Sets what the device last reported of its connection (1, 0 or unknown), which no use case
   * changes yet.
   */
  public static Device connected(Device device, Integer connected) {
    try {
      var field = Device.class.getDeclaredField("connected");
      field.setAccessible(true);
      field.set(device, connected);
      return device;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
