package io.devices.core.device;

import java.time.Instant;
import java.util.List;

/**
 * Fired synchronously, inside the deleting transaction, when devices of an application have been
 * soft-deleted: what depends on them (their pending command deliveries) ends with them.
 */
public record DevicesDeleted(String applicationId, List<String> deviceIds, Instant at) {
  public DevicesDeleted {
    deviceIds = List.copyOf(deviceIds);
  }
}
