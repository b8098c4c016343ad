package io.devices.api.client;

import io.devices.api.CommandAccepted;
import io.devices.api.Device;
import io.devices.api.DevicePost;
import io.devices.api.Devices;
import io.devices.api.ExportAccepted;
import io.devices.api.MultiDeviceCommand;

/** The devices of one application: list, get, create, export and send a command. */
public final class ApplicationDevicesClient {
  private final Endpoint endpoint;
  private final String path;

  ApplicationDevicesClient(Endpoint endpoint, String applicationId) {
    this.endpoint = endpoint;
    this.path = "/applications/" + Endpoint.segment(applicationId) + "/devices";
  }

  /** The first page of all devices, in the server's default order. */
  public Devices list() {
    return list(DeviceListQuery.all());
  }

  public Devices list(DeviceListQuery query) {
    return endpoint.get(path, query.parameters(), Devices.class);
  }

  public Device get(String deviceId) {
    return endpoint.get(path + "/" + Endpoint.segment(deviceId), Device.class);
  }

  public Device create(DevicePost device) {
    return endpoint.post(path, device, Device.class);
  }

  /**
   * Records an export of every device's metadata; it runs in the background. Follow it with {@link
   * ExportsClient#status(String)}.
   */
  public ExportAccepted export(ExportOptions options) {
    return endpoint.post(path + "/export", options.parameters(), null, ExportAccepted.class);
  }

  /**
   * Records a command for the devices it names and sends it in the background. Follow it with
   * {@link CommandsClient#status(String)}.
   */
  public CommandAccepted sendCommand(MultiDeviceCommand command) {
    return endpoint.post(path + "/command", command, CommandAccepted.class);
  }
}
