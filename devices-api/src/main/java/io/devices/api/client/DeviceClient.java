package io.devices.api.client;

import io.devices.api.CommandAccepted;
import io.devices.api.Device;
import io.devices.api.DeviceCommand;
import io.devices.api.DeviceCommandEntry;
import io.devices.api.DevicePatch;
import io.devices.api.Success;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One device of an application: get, patch, delete, send it a command, read the commands it was
 * sent. A missing, foreign or deleted device throws a {@link DevicesApiException} of type {@code
 * NotFound}.
 */
public final class DeviceClient {
  private final Endpoint endpoint;
  private final String path;

  DeviceClient(Endpoint endpoint, String applicationId, String deviceId) {
    this.endpoint = endpoint;
    this.path =
        "/applications/"
            + Endpoint.segment(applicationId)
            + "/devices/"
            + Endpoint.segment(deviceId);
  }

  public Device get() {
    return endpoint.get(path, Device.class);
  }

  /** Replaces the given fields (the others keep theirs); answers the updated device. */
  public Device patch(DevicePatch patch) {
    return endpoint.patch(path, patch, Device.class);
  }

  /** Soft-deletes the device. */
  public Success delete() {
    return endpoint.delete(path, Success.class);
  }

  public CommandAccepted sendCommand(DeviceCommand command) {
    return endpoint.post(path + "/command", command, CommandAccepted.class);
  }

  /**
   * The commands sent to the device, newest first.
   *
   * @param limit 1 to 1000
   */
  public List<DeviceCommandEntry> commands(int limit) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("limit", Integer.toString(limit));
    return Arrays.asList(endpoint.get(path + "/command", query, DeviceCommandEntry[].class));
  }
}
