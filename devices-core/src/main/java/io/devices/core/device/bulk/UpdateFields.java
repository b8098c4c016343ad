package io.devices.core.device.bulk;

import io.devices.core.common.DomainException;
import io.devices.core.common.ObjectIds;
import io.devices.core.common.Texts;
import io.devices.core.device.Attribute;
import io.devices.core.device.DeviceClass;
import io.devices.core.device.DeviceDraft;
import io.devices.core.device.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A Devices Patch's {@code updateFields} (a Device Patch) compiled to the operations that replace
 * each given field, checked at once with Device Post's rules, so that a bad field is a 400 of the
 * request rather than a failure of every device. The rules that depend on the device (the class and
 * gateway of the result) are checked per device.
 */
public final class UpdateFields {
  private static final String PATH = "updateFields.";

  private UpdateFields() {}

  /**
   * Each argument is null when the field is absent.
   *
   * @throws DomainException VALIDATION naming the field ({@code updateFields.tags[1].key ...}), or
   *     when no field is given
   */
  public static List<UpdateOperation> compile(
      String name,
      String description,
      List<Tag> tags,
      List<Attribute> attributes,
      DeviceClass deviceClass,
      String gatewayId) {
    List<UpdateOperation> operations = new ArrayList<>();
    if (name != null) {
      operations.add(
          new UpdateOperation.SetName(Texts.requireLength(PATH + "name", name, Texts.MAX_NAME)));
    }
    if (description != null) {
      operations.add(
          new UpdateOperation.SetDescription(
              Texts.optionalLength(PATH + "description", description, Texts.MAX_DESCRIPTION)));
    }
    if (tags != null) {
      // Device Post's rules on the list, as a draft of nothing else checks them.
      operations.add(
          new UpdateOperation.ReplaceTags(
              prefixed(() -> new DeviceDraft("-", null, tags, null, null, null).tags())));
    }
    if (attributes != null) {
      operations.add(
          new UpdateOperation.ReplaceAttributes(
              prefixed(
                  () -> new DeviceDraft("-", null, null, attributes, null, null).attributes())));
    }
    if (deviceClass != null) {
      operations.add(new UpdateOperation.SetDeviceClass(deviceClass));
    }
    if (gatewayId != null) {
      operations.add(
          new UpdateOperation.SetGatewayId(ObjectIds.require(PATH + "gatewayId", gatewayId)));
    }
    if (operations.isEmpty()) {
      throw DomainException.validation(
          "updateFields must hold at least one of name, description, tags, attributes,"
              + " deviceClass, gatewayId");
    }
    return operations;
  }

  private static <T> T prefixed(Supplier<T> check) {
    try {
      return check.get();
    } catch (DomainException e) {
      throw DomainException.validation(PATH + e.getMessage());
    }
  }
}
