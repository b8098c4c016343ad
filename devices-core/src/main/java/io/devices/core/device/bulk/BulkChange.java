package io.devices.core.device.bulk;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.List;
import java.util.Optional;

/**
 * What a bulk action does to each device it selects: delete, restore, or patch with these
 * operations (a Devices Patch's {@code updateFields} first, compiled to operations, then its {@code
 * updateOperations}, in order).
 */
public record BulkChange(BulkAction action, List<UpdateOperation> operations) {
  private static final JsonProvider JSON = JsonProvider.provider();

  public BulkChange {
    operations = List.copyOf(operations);
    if ((action == BulkAction.patch) == operations.isEmpty()) {
      throw new IllegalArgumentException("a patch and only a patch has operations");
    }
  }

  public static BulkChange patch(List<UpdateOperation> operations) {
    return new BulkChange(BulkAction.patch, operations);
  }

  public static BulkChange delete() {
    return new BulkChange(BulkAction.delete, List.of());
  }

  public static BulkChange restore() {
    return new BulkChange(BulkAction.restore, List.of());
  }

  /** The operations as a job stores them; empty for delete and restore. */
  Optional<String> operationsJson() {
    if (operations.isEmpty()) {
      return Optional.empty();
    }
    JsonArrayBuilder array = JSON.createArrayBuilder();
    operations.forEach(o -> array.add(o.toJson()));
    return Optional.of(array.build().toString());
  }

  /** The fields of a device after the operations; a Validation error says why it fails. */
  DeviceFields applyTo(DeviceFields fields) {
    DeviceFields result = fields;
    for (UpdateOperation operation : operations) {
      result = operation.apply(result);
    }
    return result;
  }
}
