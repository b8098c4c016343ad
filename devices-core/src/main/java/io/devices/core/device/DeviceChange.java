package io.devices.core.device;

import io.devices.core.common.DomainException;
import java.util.List;
import java.util.Objects;

/**
 * A change of one device: the fields it replaces (a Device Patch), each with Device Post's rules;
 * absent fields keep their values, and {@code tags} and {@code attributes} are replaced as whole
 * lists. Immutable: start from {@link #none()} and add fields.
 *
 * <p>{@link #applyTo} gives the device as the change leaves it, as a checked {@link DeviceDraft},
 * so the per-field and the class/gateway rules hold on the result. When the result is not a
 * peripheral and the change does not name a {@code gatewayId}, the old gateway is dropped (a
 * peripheral that becomes standalone leaves its gateway). The rules that need the database (the
 * gateway exists; a gateway that serves peripherals stays one) are checked by {@link
 * DeviceUpdates}.
 */
public final class DeviceChange {
  private static final DeviceChange NONE =
      new DeviceChange(null, null, null, null, null, false, null);

  private final String name;
  private final String description;
  private final List<Tag> tags;
  private final List<Attribute> attributes;
  private final DeviceClass deviceClass;
  private final boolean gatewayGiven;
  private final String gatewayId;

  private DeviceChange(
      String name,
      String description,
      List<Tag> tags,
      List<Attribute> attributes,
      DeviceClass deviceClass,
      boolean gatewayGiven,
      String gatewayId) {
    this.name = name;
    this.description = description;
    this.tags = tags;
    this.attributes = attributes;
    this.deviceClass = deviceClass;
    this.gatewayGiven = gatewayGiven;
    this.gatewayId = gatewayId;
  }

  /** The change of nothing; {@link #requireSome} refuses it. */
  public static DeviceChange none() {
    return NONE;
  }

  public DeviceChange name(String name) {
    return new DeviceChange(
        Objects.requireNonNull(name),
        description,
        tags,
        attributes,
        deviceClass,
        gatewayGiven,
        gatewayId);
  }

  public DeviceChange description(String description) {
    return new DeviceChange(
        name,
        Objects.requireNonNull(description),
        tags,
        attributes,
        deviceClass,
        gatewayGiven,
        gatewayId);
  }

  public DeviceChange tags(List<Tag> tags) {
    return new DeviceChange(
        name, description, List.copyOf(tags), attributes, deviceClass, gatewayGiven, gatewayId);
  }

  public DeviceChange attributes(List<Attribute> attributes) {
    return new DeviceChange(
        name, description, tags, List.copyOf(attributes), deviceClass, gatewayGiven, gatewayId);
  }

  public DeviceChange deviceClass(DeviceClass deviceClass) {
    return new DeviceChange(
        name,
        description,
        tags,
        attributes,
        Objects.requireNonNull(deviceClass),
        gatewayGiven,
        gatewayId);
  }

  /**
   * @param gatewayId the new gateway; {@code null} removes it
   */
  public DeviceChange gatewayId(String gatewayId) {
    return new DeviceChange(name, description, tags, attributes, deviceClass, true, gatewayId);
  }

  public boolean isEmpty() {
    return name == null
        && description == null
        && tags == null
        && attributes == null
        && deviceClass == null
        && !gatewayGiven;
  }

  /**
   * @throws DomainException VALIDATION when the change names no field (a Patch of {@code {}})
   */
  public DeviceChange requireSome() {
    if (isEmpty()) {
      throw DomainException.validation(
          "the patch must change at least one of name, description, tags, attributes,"
              + " deviceClass, gatewayId");
    }
    return this;
  }

  /**
   * The device as this change leaves it.
   *
   * @throws DomainException VALIDATION, naming the field, when the result breaks a rule
   */
  public DeviceDraft applyTo(Device device) {
    DeviceClass resultClass = deviceClass != null ? deviceClass : device.deviceClass();
    String resultGateway;
    if (gatewayGiven) {
      resultGateway = gatewayId;
    } else {
      resultGateway =
          resultClass == DeviceClass.peripheral ? device.gatewayId().orElse(null) : null;
    }
    return new DeviceDraft(
        name != null ? name : device.name(),
        description != null ? description : device.description(),
        tags != null ? tags : device.tags(),
        attributes != null ? attributes : device.attributes(),
        resultClass,
        resultGateway);
  }

  /** Whether the result differs from the device in any field. */
  public static boolean alters(Device device, DeviceDraft result) {
    return !result.name().equals(device.name())
        || !result.description().equals(device.description())
        || !result.tags().equals(device.tags())
        || !result.attributes().equals(device.attributes())
        || result.deviceClass() != device.deviceClass()
        || !Objects.equals(result.gatewayId(), device.gatewayId().orElse(null));
  }

  @Override
  public String toString() {
    return "DeviceChange[name="
        + name
        + ", description="
        + description
        + ", tags="
        + tags
        + ", attributes="
        + attributes
        + ", deviceClass="
        + deviceClass
        + (gatewayGiven ? ", gatewayId=" + gatewayId : "")
        + "]";
  }
}
