package io.devices.web.device;

import io.devices.api.DevicePatch;
import io.devices.api.DevicesPatch;
import io.devices.api.DevicesSelection;
import io.devices.core.common.DomainException;
import io.devices.core.common.ObjectIds;
import io.devices.core.device.DeviceClass;
import io.devices.core.device.bulk.BulkChange;
import io.devices.core.device.bulk.BulkRequest;
import io.devices.core.device.bulk.UpdateFields;
import io.devices.core.device.bulk.UpdateOperation;
import io.devices.core.device.bulk.UpdateOperationsReader;
import io.devices.core.device.query.DeviceQuery;
import io.devices.core.device.query.QueryReader;
import io.devices.core.device.query.Selectors;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The bodies of the bulk changes (Patch, Delete and Restore many) as the core's requests. */
final class BulkForms {
  static final int MAX_DEVICE_IDS = 1000;

  private BulkForms() {}

  static BulkRequest patch(String applicationId, DevicesPatch body) {
    if (body == null) {
      throw DomainException.validation("The body is required");
    }
    if ((body.deviceIds() == null) == (body.query() == null)) {
      throw DomainException.validation("Give exactly one of deviceIds and query");
    }
    DeviceQuery selection =
        body.deviceIds() != null
            ? Selectors.ids(deviceIds(body.deviceIds()))
            : QueryReader.read((JsonValue) body.query(), "query");
    if (body.updateFields() == null && body.updateOperations() == null) {
      throw DomainException.validation("Give updateFields, updateOperations or both");
    }
    List<UpdateOperation> operations = new ArrayList<>();
    if (body.updateFields() != null) {
      operations.addAll(updateFields(body.updateFields()));
    }
    if (body.updateOperations() != null) {
      operations.addAll(
          UpdateOperationsReader.read((JsonValue) body.updateOperations(), "updateOperations"));
    }
    return new BulkRequest(
        applicationId,
        selection,
        BulkChange.patch(operations),
        Optional.ofNullable(body.email()),
        Optional.ofNullable(body.callbackUrl()),
        false);
  }

  /** Delete many and Restore many: {@code change} is what they do to each selected device. */
  static BulkRequest selection(String applicationId, DevicesSelection body, BulkChange change) {
    if (body == null || body.query() == null) {
      throw DomainException.validation("query is required");
    }
    return new BulkRequest(
        applicationId,
        QueryReader.read((JsonValue) body.query(), "query"),
        change,
        Optional.ofNullable(body.email()),
        Optional.ofNullable(body.callbackUrl()),
        forceJob((JsonValue) body.forceJob()));
  }

  private static List<UpdateOperation> updateFields(DevicePatch fields) {
    String deviceClass = fields.deviceClass();
    return UpdateFields.compile(
        fields.name(),
        fields.description(),
        DeviceDrafts.tags(fields.tags()),
        DeviceDrafts.attributes("updateFields.attributes", fields.attributes()),
        deviceClass == null ? null : DeviceClass.parse("updateFields.deviceClass", deviceClass),
        fields.gatewayId());
  }

  private static List<String> deviceIds(List<String> given) {
    if (given.isEmpty() || given.size() > MAX_DEVICE_IDS) {
      throw DomainException.validation(
          "deviceIds must have between 1 and " + MAX_DEVICE_IDS + " entries");
    }
    Set<String> ids = new LinkedHashSet<>();
    for (int i = 0; i < given.size(); i++) {
      ids.add(ObjectIds.require("deviceIds[" + i + "]", given.get(i)));
    }
    return new ArrayList<>(ids);
  }

  private static boolean forceJob(JsonValue value) {
    if (value == null || value.getValueType() == JsonValue.ValueType.FALSE) {
      return false;
    }
    if (value.getValueType() == JsonValue.ValueType.TRUE) {
      return true;
    }
    throw DomainException.validation("forceJob must be a boolean");
  }
}
