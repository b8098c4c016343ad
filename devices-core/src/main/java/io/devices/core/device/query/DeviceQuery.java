package io.devices.core.device.query;

import io.devices.core.device.Device;
import java.util.List;

/**
 * A selection of an application's devices: a tree of junctions over conditions on the device's
 * fields, tags and attribute names. Immutable; built by {@link QueryReader} from the API's JSON
 * form or directly from the older selectors (name glob, tag filter, device ids).
 */
public sealed interface DeviceQuery
    permits Junction, FieldCondition, NameGlobCondition, TagCondition, AttributeCondition {

  /** Whether the device belongs to the selection; the SQL of {@link QuerySql} must agree. */
  boolean matches(Device device);

  /** The query that selects every device: an empty conjunction. */
  static DeviceQuery everything() {
    return Junction.EVERYTHING;
  }

  static DeviceQuery and(List<DeviceQuery> parts) {
    return parts.size() == 1 ? parts.get(0) : new Junction(Junction.Kind.and, parts);
  }

  static DeviceQuery or(List<DeviceQuery> parts) {
    return parts.size() == 1 ? parts.get(0) : new Junction(Junction.Kind.or, parts);
  }

  /** Whether this query selects every device without looking at any. */
  default boolean isEverything() {
    return this instanceof Junction j && j.kind() == Junction.Kind.and && j.parts().isEmpty();
  }
}
