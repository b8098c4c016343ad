package io.devices.api.client;

import io.devices.api.AttributeNames;
import io.devices.api.CommandAccepted;
import io.devices.api.Device;
import io.devices.api.DeviceNames;
import io.devices.api.DevicePost;
import io.devices.api.Devices;
import io.devices.api.ExportAccepted;
import io.devices.api.MultiDeviceCommand;
import io.devices.api.ObjectFormDevices;
import io.devices.api.TagKeys;
import io.devices.api.TagValues;
import java.util.List;

/**
 * The devices of one application: list, get, create, export, send a command, and the fleet metadata
 * (tag keys, tag values, attribute names, device names).
 */
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

  /**
   * One page in the default form, typed; {@code excludeConnectionInfo} leaves {@link
   * Device#connectionInfo()} null. A query for the object form is read with {@link
   * #listInObjectForm}.
   */
  public Devices list(DeviceListQuery query) {
    if (query.inObjectForm()) {
      throw new IllegalArgumentException(
          "tagsAsObject and attributesAsObject pages are read with listInObjectForm");
    }
    return endpoint.get(path, query.parameters(), Devices.class);
  }

  /**
   * One page with tags and/or attributes in the object form the query asks for ({@link
   * DeviceListQuery#withObjectForm}): a {@code tags} object reads as a {@code Map<String, Object>}
   * whose values are a {@code String} or, for a repeated key, a {@code List<String>}; an {@code
   * attributes} object as a {@code Map<String, Map<String, Object>>}.
   */
  public ObjectFormDevices listInObjectForm(DeviceListQuery query) {
    return endpoint.get(path, query.parameters(), ObjectFormDevices.class);
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
    return endpoint.post(path + "/export", options.body(), ExportAccepted.class);
  }

  /**
   * Records a command for the devices it names and sends it in the background. Follow it with
   * {@link CommandsClient#status(String)}.
   */
  public CommandAccepted sendCommand(MultiDeviceCommand command) {
    return endpoint.post(path + "/command", command, CommandAccepted.class);
  }

  public TagKeys tagKeys(MetadataQuery query) {
    return endpoint.get(path + "/tagKeys", query.parameters(null, List.of()), TagKeys.class);
  }

  /**
   * @param key only the values under this tag key; {@code null}: under every key
   */
  public TagValues tagValues(MetadataQuery query, String key) {
    return endpoint.get(path + "/tagValues", query.parameters(key, List.of()), TagValues.class);
  }

  /**
   * @param dataTypes only attributes of these data types ({@code string}, {@code number}, {@code
   *     gps}, {@code boolean}); none: of every type
   */
  public AttributeNames attributeNames(MetadataQuery query, String... dataTypes) {
    return endpoint.get(
        path + "/attributeNames", query.parameters(null, List.of(dataTypes)), AttributeNames.class);
  }

  public DeviceNames deviceNames(MetadataQuery query) {
    return endpoint.get(
        path + "/deviceNames", query.parameters(null, List.of()), DeviceNames.class);
  }
}
